import { asJson } from '#types/json'
import type Payment from '#models/payment'
import type PaymentTransition from '#models/payment_transition'
import type WebhookEvent from '#models/webhook_event'
import { formatBRL } from '#services/money'
import { failureKind } from '#services/gateways/types'

/** What the API, the admin pages and the buyer's page see of a payment. */
export default class PaymentTransformer {
  /** The status answer (API `GET /api/payments/:id/status`, the buyer's poll). */
  static status(payment: Payment) {
    return {
      id: payment.id,
      publicToken: payment.publicToken,
      status: payment.status,
      amountCents: payment.amountCents,
      currency: payment.currency,
      paidAt: payment.paidAt?.toISO() ?? null,
      expiresAt: payment.expiresAt?.toISO() ?? null,
    }
  }

  /** A list row. */
  static summary(payment: Payment) {
    return {
      ...this.status(payment),
      amount: formatBRL(payment.amountCents),
      /** Before the coupon; `amountCents` is what the buyer pays (subtotal − discount). */
      subtotalCents: payment.subtotalCents ?? payment.amountCents + (payment.discountCents ?? 0),
      discountCents: payment.discountCents ?? 0,
      couponCode: payment.couponCode ?? null,
      gateway: payment.gateway,
      externalId: payment.externalId,
      funnelId: payment.funnelId,
      funnelName: payment.funnel?.name ?? null,
      stepId: payment.stepId,
      parentPaymentId: payment.parentPaymentId,
      customer: {
        name: payment.customerData?.name ?? null,
        email: payment.customerData?.email ?? null,
      },
      items: payment.items ?? [],
      createdAt: payment.createdAt.toISO(),
      /** A failed payment: `gateway` (the gateway's fault) or `refused`; null otherwise. */
      failure:
        payment.status === 'failed' ? failureKind(payment.$extras.failure_reason ?? null) : null,
      /** The gateway took the money after our countdown ended ("pago após expirar"). */
      paidAfterExpiry: payment.paidAfterExpiry,
    }
  }

  /** Everything, with the PIX code and QR (the API's create answer, the admin detail). */
  static detail(payment: Payment) {
    return {
      ...this.summary(payment),
      customer: {
        name: payment.customerData?.name ?? null,
        email: payment.customerData?.email ?? null,
        phone: payment.customerData?.phone ?? null,
        cpf: payment.customerData?.cpf ?? null,
      },
      /** The Purchase's event id, shared by the browser pixels and the server: the public token. */
      eventId: payment.publicToken,
      pix: {
        code: payment.pixCode,
        qrSvg: payment.pixQrSvg,
        expiresAt: payment.expiresAt?.toISO() ?? null,
      },
    }
  }

  static transition(transition: PaymentTransition) {
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

  static webhookEvent(event: WebhookEvent) {
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
