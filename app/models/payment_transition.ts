import { PaymentTransitionSchema } from '#database/schema'
import { compose } from '@adonisjs/core/helpers'
import { WithWorkspace } from '#models/mixins/with_workspace'
import type { PaymentStatus, TransitionSource } from '#enums/payments'

/** A status change of a payment and what caused it (webhook, poll, admin…). */
export default class PaymentTransition extends compose(PaymentTransitionSchema, WithWorkspace) {
  declare id: number
  declare webhookEventId: number | null
  declare fromStatus: PaymentStatus | null
  declare toStatus: PaymentStatus
  declare source: TransitionSource
  declare details: Record<string, unknown>
}
