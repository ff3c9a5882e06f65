import { BaseTransformer } from '@adonisjs/core/transformers'
import { asJson } from '#types/json'
import type PaymentTransition from '#models/payment_transition'
import { failureKind } from '#services/gateways/types'

/** A step of a payment's history, on the payment's admin page. */
export default class PaymentTransitionTransformer extends BaseTransformer<PaymentTransition> {
  toObject() {
    const transition = this.resource
    return {
      id: Number(transition.id),
      fromStatus: transition.fromStatus,
      toStatus: transition.toStatus,
      source: transition.source,
      webhookEventId: transition.webhookEventId === null ? null : Number(transition.webhookEventId),
      details: asJson(transition.details),
      failure:
        transition.toStatus === 'failed' ? failureKind(transition.details?.reason ?? null) : null,
      createdAt: transition.createdAt.toISO(),
    }
  }
}
