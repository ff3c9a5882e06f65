import { createHmac } from 'node:crypto'
import { checkIntegrationUrl, createHttpClient } from '#services/outbound_http'
import { postJson, type DeliveryOutcome } from '#integrations/delivery'
import type Payment from '#models/payment'
import type Visitor from '#models/visitor'
import { paymentTouch, trackingParametersOf, visitorTouch } from '#integrations/conversions'

/** Events an agency endpoint may subscribe to. */
export const WEBHOOK_EVENTS = [
  'payment.created',
  'payment.paid',
  'payment.refunded',
  'lead.created',
  /** The payment gateway's credential moved from healthy to unhealthy (sent once per move). */
  'gateway.unhealthy',
  /** A checkout session left unpaid past the workspace's delay, and one later paid (issue 14). */
  'checkout.abandoned',
  'payment.recovered',
] as const
export type WebhookEventName = (typeof WEBHOOK_EVENTS)[number]

/**
 * Which webhook event a payment status announces. A chargeback gives the money back too, so it
 * is a `payment.refunded` whose payment status says `chargedback`.
 */
export const WEBHOOK_EVENT_OF_STATUS: Record<string, WebhookEventName | undefined> = {
  pending: 'payment.created',
  paid: 'payment.paid',
  refunded: 'payment.refunded',
  chargedback: 'payment.refunded',
}

export const SIGNATURE_HEADER = 'x-funil-signature'
export const TIMESTAMP_HEADER = 'x-funil-timestamp'

/**
 * The signature of a delivery: HMAC-SHA256 with the endpoint's secret over
 * `<timestamp>.<raw body>`, hex, sent as `sha256=<hex>`. A receiver recomputes it and refuses
 * timestamps older than a few minutes (replays).
 */
export function signWebhook(secret: string, timestamp: number, rawBody: string) {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${rawBody}`).digest('hex')}`
}

/** First-touch tracking parameters, as UTMify names them (the payment's copy first). */
function trackingOf(touch: ReturnType<typeof visitorTouch>) {
  return touch ? trackingParametersOf(touch) : null
}

/** The body of a payment webhook. */
export function paymentWebhookBody(
  event: WebhookEventName,
  payment: Payment,
  visitor: Visitor | null
) {
  const customer = (payment.customerData ?? {}) as Record<string, string>
  return {
    event,
    occurredAt: new Date().toISOString(),
    data: {
      payment: {
        id: payment.id,
        token: payment.publicToken,
        status: payment.status,
        amountCents: payment.amountCents,
        /** Before the coupon: `amountCents` = `subtotalCents` − `discountCents`. */
        subtotalCents: payment.subtotalCents ?? payment.amountCents + (payment.discountCents ?? 0),
        discountCents: payment.discountCents ?? 0,
        coupon: payment.couponCode ?? null,
        currency: payment.currency ?? 'BRL',
        paymentMethod: payment.paymentMethod,
        funnelId: payment.funnelId,
        items: payment.items ?? [],
        createdAt: payment.createdAt?.toISO() ?? null,
        paidAt: payment.paidAt?.toISO() ?? null,
      },
      customer: {
        name: customer.name ?? null,
        email: customer.email ?? null,
        phone: customer.phone ?? null,
        document: customer.cpf ?? null,
      },
      tracking: trackingOf(paymentTouch(payment, visitor)),
    },
  }
}

/** The body of `lead.created`: what the capture form told, and where the visitor came from. */
export function leadWebhookBody(
  lead: Record<string, string>,
  visitor: Visitor,
  context: { eventId: string; funnelId: number | null; stepId: number | null; occurredAt: Date }
) {
  return {
    event: 'lead.created',
    occurredAt: context.occurredAt.toISOString(),
    data: {
      lead: {
        eventId: context.eventId,
        name: lead.name ?? null,
        email: lead.email ?? null,
        phone: lead.phone ?? null,
        funnelId: context.funnelId,
        stepId: context.stepId,
      },
      visitor: { id: visitor.publicId, landingUrl: visitor.landingUrl },
      tracking: trackingOf(visitorTouch(visitor)),
    },
  }
}

/** Posts a signed webhook to an agency endpoint (URL checked against SSRF first). */
export async function sendWebhook(
  url: string,
  secret: string,
  body: Record<string, unknown>,
  meta: { deliveryId: number; event: string }
): Promise<DeliveryOutcome> {
  if (checkIntegrationUrl(url)) {
    return { ok: false, httpStatus: null, excerpt: 'blocked', durationMs: 0, retryable: false }
  }
  const raw = JSON.stringify(body)
  const timestamp = Math.floor(Date.now() / 1000)
  return postJson(createHttpClient(), url, raw, {
    [SIGNATURE_HEADER]: signWebhook(secret, timestamp, raw),
    [TIMESTAMP_HEADER]: String(timestamp),
    'x-funil-event': meta.event,
    'x-funil-delivery': String(meta.deliveryId),
  })
}
