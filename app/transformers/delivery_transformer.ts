import { BaseTransformer } from '@adonisjs/core/transformers'
import { asJson } from '#types/json'
import type PostbackDelivery from '#models/postback_delivery'

/**
 * What the API and the admin pages see of a postback delivery: `toObject` a list row (the
 * outcome of the last attempt, answer excerpt ≤ 500 chars, no request body), `detail` everything.
 */
export default class DeliveryTransformer extends BaseTransformer<PostbackDelivery> {
  toObject() {
    const delivery = this.resource
    return {
      id: Number(delivery.id),
      target: delivery.target,
      event: delivery.event,
      paymentId: delivery.paymentId,
      visitorId: delivery.visitorId,
      webhookEndpoint:
        delivery.webhookEndpointId === null
          ? null
          : {
              id: delivery.webhookEndpointId,
              name: (delivery.$extras.endpoint_name as string | null | undefined) ?? null,
            },
      status: delivery.status,
      attempts: delivery.attempts,
      responseStatus: delivery.responseStatus,
      responseExcerpt: delivery.responseExcerpt,
      durationMs: delivery.durationMs,
      lastError: delivery.lastError,
      nextAttemptAt: delivery.nextAttemptAt?.toISO() ?? null,
      deliveredAt: delivery.deliveredAt?.toISO() ?? null,
      createdAt: delivery.createdAt.toISO(),
      updatedAt: delivery.updatedAt.toISO(),
    }
  }

  /** Everything, with the request as sent (`{ body }`). */
  detail() {
    return { ...this.toObject(), request: asJson(this.resource.request) }
  }
}
