import { DateTime } from 'luxon'
import UtmifyClient from '#integrations/utmify/client'
import { postJson, type DeliveryOutcome } from '#integrations/delivery'
import type Payment from '#models/payment'
import type Visitor from '#models/visitor'
import type { PaymentStatus } from '#enums/payments'
import { paymentTouch, trackingParametersOf } from '#integrations/conversions'

export type UtmifyStatus = 'waiting_payment' | 'paid' | 'refused' | 'refunded' | 'chargedback'

/** Our payment status → UTMify's order status; statuses without a UTMify meaning send nothing. */
export const UTMIFY_STATUS: Partial<Record<PaymentStatus, UtmifyStatus>> = {
  pending: 'waiting_payment',
  paid: 'paid',
  failed: 'refused',
  refunded: 'refunded',
  chargedback: 'chargedback',
}

/** UTMify refuses orders older than 7 days, 45 for refunds and chargebacks. */
export function utmifyAgeLimitDays(status: UtmifyStatus) {
  return status === 'refunded' || status === 'chargedback' ? 45 : 7
}

export function isPastUtmifyAgeLimit(
  createdAt: DateTime,
  status: UtmifyStatus,
  now = DateTime.now()
) {
  return now.diff(createdAt, 'days').days > utmifyAgeLimitDays(status)
}

const FORMAT = 'yyyy-MM-dd HH:mm:ss'

function utc(value: DateTime | null | undefined) {
  return value ? value.toUTC().toFormat(FORMAT) : null
}

function digits(value: string | undefined) {
  const only = (value ?? '').replace(/\D/g, '')
  return only || null
}

/**
 * The order body of UTMify's orders API for a payment in a status.
 * `createdAt` is the payment's creation, so it is identical on every update of the order.
 * The tracking parameters come from the payment's own attribution (taken at checkout, before
 * the visitor row may exist), completed by its visitor's.
 * `changedAt` is when the payment entered the status (approval, refund).
 */
export function buildUtmifyOrder(
  payment: Payment,
  visitor: Visitor | null,
  status: UtmifyStatus,
  changedAt: DateTime | null = null
) {
  const customer = (payment.customerData ?? {}) as Record<string, string>
  const items = payment.items ?? []
  const touch = paymentTouch(payment, visitor)
  return {
    orderId: payment.publicToken,
    platform: 'FunilDigital',
    paymentMethod: 'pix',
    status,
    createdAt: utc(payment.createdAt),
    approvedDate:
      status === 'waiting_payment' || status === 'refused'
        ? null
        : utc(payment.paidAt ?? changedAt),
    refundedAt: status === 'refunded' || status === 'chargedback' ? utc(changedAt) : null,
    customer: {
      name: customer.name ?? null,
      email: customer.email ?? null,
      phone: digits(customer.phone),
      document: digits(customer.cpf ?? customer.document),
      country: 'BR',
      ...(touch?.ip ? { ip: touch.ip } : {}),
    },
    products: items.map((item, index) => ({
      id: `${payment.funnelId ?? 'funil'}-${item.kind}-${index + 1}`,
      name: item.name,
      planId: null,
      planName: item.kind === 'product' ? null : item.kind === 'bump' ? 'Order bump' : 'Upsell',
      quantity: item.quantity,
      priceInCents: item.priceCents,
    })),
    trackingParameters: trackingParametersOf(touch),
    /**
     * UTMify's contract has no discount field: the products keep their list price and the
     * commission carries what the buyer paid after the coupon, so the order's revenue is net
     * and the discount is `sum(products) − totalPriceInCents` (docs/integrations/utmify.md).
     */
    commission: {
      totalPriceInCents: payment.amountCents,
      gatewayFeeInCents: 0,
      userCommissionInCents: payment.amountCents,
      currency: payment.currency ?? 'BRL',
    },
  }
}

/** The UTMify client with the order postback. */
export default class UtmifyOrders extends UtmifyClient {
  postOrder(order: Record<string, unknown>): Promise<DeliveryOutcome> {
    return postJson(this.http, '/orders', order, this.headers)
  }
}
