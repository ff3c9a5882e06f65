import { CheckoutConfigSchema } from '#database/schema'
import { compose } from '@adonisjs/core/helpers'
import { WithWorkspace } from '#models/mixins/with_workspace'
import { jsonColumn } from '#models/json_column'
import { column, belongsTo } from '@adonisjs/lucid/orm'
import type { BelongsTo } from '@adonisjs/lucid/types/relations'
import Funnel from '#models/funnel'
import FunnelStep from '#models/funnel_step'

/** What a checkout step sells and how it looks. Prices are integer cents. */
export default class CheckoutConfig extends compose(CheckoutConfigSchema, WithWorkspace) {
  @column(jsonColumn)
  declare paymentMethods: string[]
  declare fieldsConfig: Record<string, unknown>
  declare designConfig: Record<string, unknown>
  declare upsellConfig: Record<string, unknown>
  @column(jsonColumn)
  declare orderBumps: Array<Record<string, unknown>>

  @belongsTo(() => Funnel)
  declare funnel: BelongsTo<typeof Funnel>

  @belongsTo(() => FunnelStep, { foreignKey: 'stepId' })
  declare step: BelongsTo<typeof FunnelStep>
}
