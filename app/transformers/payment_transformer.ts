import { BaseTransformer } from '@adonisjs/core/transformers'
import type Payment from '#models/payment'
import { formatBRL } from '#services/money'
import { failureKind } from '#services/gateways/types'

/**
 * What the API, the admin pages and the buyer's page see of a payment: `status` the poll's
 * answer, `toObject` a list row, `detail` everything with the PIX code and QR.
 */
export default class PaymentTransformer extends BaseTransformer<Payment> {
  /** The status answer (API `GET /api/payments/:id/status`, the buyer's poll). */
  status() {
    const payment = this.resource
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
  toObject() {
    const payment = this.resource
    return {
      ...this.status(),
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

  /** A payment in the live monitor's feed. */
  live() {
    const payment = this.resource
    return {
      id: payment.id,
      status: payment.status,
      amountCents: payment.amountCents,
      customerName: payment.customerData?.name ?? null,
      funnelId: payment.funnelId,
      at: payment.createdAt.toISO(),
    }
  }

  /** Everything, with the PIX code and QR (the API's create answer, the admin detail). */
  detail() {
    const payment = this.resource
    return {
      ...this.toObject(),
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
}
