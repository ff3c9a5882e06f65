import { WebhookEventSchema } from '#database/schema'
import { compose } from '@adonisjs/core/helpers'
import { WithWorkspace } from '#models/mixins/with_workspace'
import type { PaymentGateway } from '#enums/payments'

/** Inbox row: a gateway delivery stored raw, once, then processed by a worker. */
export default class WebhookEvent extends compose(WebhookEventSchema, WithWorkspace) {
  declare id: number
  declare gateway: PaymentGateway
  declare headers: Record<string, string>
}
