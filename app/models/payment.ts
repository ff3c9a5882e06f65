import { PaymentSchema } from '#database/schema'
import { compose } from '@adonisjs/core/helpers'
import { WithWorkspace } from '#models/mixins/with_workspace'
import { jsonColumn } from '#models/json_column'
import { column, belongsTo, hasMany } from '@adonisjs/lucid/orm'
import type { BelongsTo, HasMany } from '@adonisjs/lucid/types/relations'
import type { PaymentGateway, PaymentStatus } from '#enums/payments'
import type { PaymentAttribution } from '#services/attribution'
import Visitor from '#models/visitor'
import Funnel from '#models/funnel'
import FunnelStep from '#models/funnel_step'
import PaymentTransition from '#models/payment_transition'

/** One line of a payment: the main product, an order bump or an upsell offer. */
export interface PaymentItem {
  kind: 'product' | 'bump' | 'upsell'
  name: string
  priceCents: number
  quantity: number
}

/** A PIX charge. Amounts are integer cents; status changes only through the transition rules. */
export default class Payment extends compose(PaymentSchema, WithWorkspace) {
  declare status: PaymentStatus
  declare gateway: PaymentGateway
  @column(jsonColumn)
  declare items: PaymentItem[]
  declare customerData: Record<string, string>
  declare gatewayResponse: Record<string, unknown>
  /** The landing attribution taken at checkout (the visitor row may come later). */
  declare attribution: PaymentAttribution

  @belongsTo(() => Visitor)
  declare visitor: BelongsTo<typeof Visitor>

  @belongsTo(() => Funnel)
  declare funnel: BelongsTo<typeof Funnel>

  @belongsTo(() => FunnelStep, { foreignKey: 'stepId' })
  declare step: BelongsTo<typeof FunnelStep>

  @hasMany(() => PaymentTransition)
  declare transitions: HasMany<typeof PaymentTransition>
}
