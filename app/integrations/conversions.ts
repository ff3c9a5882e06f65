import { createHash } from 'node:crypto'
import type Payment from '#models/payment'
import type Visitor from '#models/visitor'

/**
 * Buyer data for the ad platforms' server-side conversions, normalised and hashed as
 * /work/shared/contracts/meta_capi.md says (the same rules serve TikTok): trim + lowercase,
 * phone as digits with the country code, SHA-256 hex. IP, user agent, fbc and fbp are never
 * hashed.
 */
export function sha256(value: string) {
  return createHash('sha256').update(value).digest('hex')
}

export function normalizeText(value: string | null | undefined) {
  const text = (value ?? '').trim().toLowerCase()
  return text || null
}

/** Digits only, with Brazil's 55 in front of a national number (10 or 11 digits). */
export function normalizePhone(value: string | null | undefined) {
  const digits = (value ?? '').replace(/\D/g, '')
  if (!digits) return null
  return digits.length === 10 || digits.length === 11 ? `55${digits}` : digits
}

export function hashed(value: string | null) {
  return value ? sha256(value) : null
}

/** The buyer of a payment, normalised (not hashed): what every platform needs. */
export function buyerOf(payment: Payment) {
  const customer = (payment.customerData ?? {}) as Record<string, string>
  const names = (customer.name ?? '').trim().split(/\s+/).filter(Boolean)
  return {
    email: normalizeText(customer.email),
    phone: normalizePhone(customer.phone),
    firstName: normalizeText(names[0]),
    lastName: normalizeText(names.length > 1 ? names[names.length - 1] : null),
  }
}

/** The external id shared by browser and server: the visitor's public id, else the payment's token. */
export function externalIdOf(payment: Payment, visitor: Visitor | null) {
  return visitor?.publicId ?? payment.publicToken
}

/**
 * `_fbc`: the cookie when the visitor had it, else built from the landing `fbclid` as
 * `fb.1.<first visit ms>.<fbclid>` (fbclid kept byte for byte).
 */
export function fbcOf(visitor: Visitor | null) {
  if (!visitor) return null
  if (visitor.fbc) return visitor.fbc
  if (!visitor.fbclid) return null
  return `fb.1.${visitor.firstVisit.toMillis()}.${visitor.fbclid}`
}

/** Money as the platforms want it: reais with two decimals. */
export function reais(cents: number) {
  return Math.round(cents) / 100
}

function compact<T extends Record<string, unknown>>(record: T) {
  return Object.fromEntries(
    Object.entries(record).filter(([, value]) => value !== null && value !== undefined)
  ) as Partial<T>
}

/** Seconds of the moment the payment was paid (now when unknown). */
function eventTime(payment: Payment) {
  return Math.floor((payment.paidAt?.toMillis() ?? Date.now()) / 1000)
}

/** Meta CAPI `Purchase`, with the browser pixel's event id so Meta de-duplicates the two. */
export function metaPurchase(payment: Payment, visitor: Visitor | null, testEventCode?: string) {
  const buyer = buyerOf(payment)
  const items = payment.items ?? []
  return {
    data: [
      {
        event_name: 'Purchase',
        event_time: eventTime(payment),
        action_source: 'website',
        event_id: payment.eventId,
        ...(visitor?.landingUrl ? { event_source_url: visitor.landingUrl } : {}),
        user_data: compact({
          em: buyer.email ? [sha256(buyer.email)] : null,
          ph: buyer.phone ? [sha256(buyer.phone)] : null,
          fn: buyer.firstName ? [sha256(buyer.firstName)] : null,
          ln: buyer.lastName ? [sha256(buyer.lastName)] : null,
          country: [sha256('br')],
          external_id: [sha256(externalIdOf(payment, visitor))],
          client_ip_address: visitor?.ipAddress ?? null,
          client_user_agent: visitor?.userAgent ?? null,
          fbc: fbcOf(visitor),
          fbp: visitor?.fbp ?? null,
        }),
        custom_data: {
          currency: payment.currency ?? 'BRL',
          value: reais(payment.amountCents),
          content_ids: items.map((_, index) => `${payment.funnelId ?? 'funil'}-${index + 1}`),
          content_type: 'product',
          order_id: payment.publicToken,
        },
      },
    ],
    ...(testEventCode ? { test_event_code: testEventCode } : {}),
  }
}

/** TikTok Events API `CompletePayment`, same event id as the browser pixel. */
export function tiktokPurchase(
  payment: Payment,
  visitor: Visitor | null,
  pixelCode: string,
  testEventCode?: string
) {
  const buyer = buyerOf(payment)
  const items = payment.items ?? []
  return {
    event_source: 'web',
    event_source_id: pixelCode,
    ...(testEventCode ? { test_event_code: testEventCode } : {}),
    data: [
      {
        event: 'CompletePayment',
        event_time: eventTime(payment),
        event_id: payment.eventId,
        user: compact({
          ttclid: visitor?.ttclid ?? null,
          email: hashed(buyer.email),
          phone: hashed(buyer.phone),
          external_id: sha256(externalIdOf(payment, visitor)),
          ip: visitor?.ipAddress ?? null,
          user_agent: visitor?.userAgent ?? null,
        }),
        page: compact({ url: visitor?.landingUrl ?? null, referrer: visitor?.referrer ?? null }),
        properties: {
          contents: items.map((item, index) => ({
            content_id: `${payment.funnelId ?? 'funil'}-${index + 1}`,
            content_type: 'product',
            content_name: item.name,
          })),
          value: reais(payment.amountCents),
          currency: payment.currency ?? 'BRL',
        },
      },
    ],
  }
}

/** GA4 Measurement Protocol `purchase`; the client id is the visitor's (no `_ga` cookie kept). */
export function ga4Purchase(payment: Payment, visitor: Visitor | null) {
  const items = payment.items ?? []
  return {
    client_id: externalIdOf(payment, visitor),
    timestamp_micros: eventTime(payment) * 1_000_000,
    events: [
      {
        name: 'purchase',
        params: {
          transaction_id: payment.publicToken,
          value: reais(payment.amountCents),
          currency: payment.currency ?? 'BRL',
          items: items.map((item, index) => ({
            item_id: `${payment.funnelId ?? 'funil'}-${index + 1}`,
            item_name: item.name,
            item_category: item.kind,
            price: reais(item.priceCents),
            quantity: item.quantity,
          })),
          ...(visitor
            ? { session_id: String(Math.floor(visitor.firstVisit.toMillis() / 1000)) }
            : {}),
          engagement_time_msec: 1,
        },
      },
    ],
  }
}
