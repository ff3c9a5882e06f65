import { BaseTransformer } from '@adonisjs/core/transformers'
import type WebhookEvent from '#models/webhook_event'

/** A gateway webhook received for a payment, on the payment's admin page. */
export default class WebhookEventTransformer extends BaseTransformer<WebhookEvent> {
  toObject() {
    const event = this.resource
    return {
      id: Number(event.id),
      gateway: event.gateway,
      eventKey: event.eventKey,
      externalId: event.externalId,
      attempts: event.attempts,
      error: event.error,
      rawBody: event.rawBody,
      receivedAt: event.receivedAt.toISO(),
      processedAt: event.processedAt?.toISO() ?? null,
    }
  }
}
