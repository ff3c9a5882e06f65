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

/** Name, e-mail and phone as a form or a checkout gave them. */
export interface PersonData {
  name?: string | null
  email?: string | null
  phone?: string | null
}

/** A person, normalised (not hashed): what every platform needs. */
export function personOf(data: PersonData | null | undefined) {
  const names = (data?.name ?? '').trim().split(/\s+/).filter(Boolean)
  return {
    email: normalizeText(data?.email),
    phone: normalizePhone(data?.phone),
    firstName: normalizeText(names[0]),
    lastName: normalizeText(names.length > 1 ? names[names.length - 1] : null),
  }
}

/** The buyer of a payment, normalised (not hashed). */
export function buyerOf(payment: Payment) {
  return personOf((payment.customerData ?? {}) as PersonData)
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

/**
 * One conversion, platform-neutral: what happened, with the id the browser pixel used for the
 * same event, who did it and, for money events, what was bought.
 */
export interface ConversionFact {
  /** Our name of the event: the platforms' own names come from the tables below. */
  kind: 'Lead' | 'InitiateCheckout' | 'Purchase'
  eventId: string
  /** Unix seconds. */
  time: number
  url: string | null
  person: ReturnType<typeof personOf>
  visitor: Visitor | null
  externalId: string
  money?: {
    cents: number
    currency: string
    orderId?: string
    items: Array<{ id: string; name: string; kind?: string; priceCents: number; quantity: number }>
  }
}

/** The platforms' names of our events (the browser pixels use the same, tracking_snippets.ts). */
export const META_EVENT = {
  Lead: 'Lead',
  InitiateCheckout: 'InitiateCheckout',
  Purchase: 'Purchase',
}
export const TIKTOK_EVENT = {
  Lead: 'SubmitForm',
  InitiateCheckout: 'InitiateCheckout',
  Purchase: 'CompletePayment',
}
export const GA4_EVENT = {
  Lead: 'generate_lead',
  InitiateCheckout: 'begin_checkout',
  Purchase: 'purchase',
}

/** A payment as a Purchase: the payment's event id is the one its thank-you pixel fires. */
export function purchaseFact(payment: Payment, visitor: Visitor | null): ConversionFact {
  const items = payment.items ?? []
  return {
    kind: 'Purchase',
    eventId: payment.eventId,
    time: eventTime(payment),
    url: visitor?.landingUrl ?? null,
    person: buyerOf(payment),
    visitor,
    externalId: externalIdOf(payment, visitor),
    money: {
      cents: payment.amountCents,
      currency: payment.currency ?? 'BRL',
      orderId: payment.publicToken,
      items: items.map((item, index) => ({
        id: `${payment.funnelId ?? 'funil'}-${index + 1}`,
        name: item.name,
        kind: item.kind,
        priceCents: item.priceCents,
        quantity: item.quantity,
      })),
    },
  }
}

/** Meta CAPI body of one event (hashing per the contract; ip, agent, fbc, fbp in clear). */
export function metaEvent(fact: ConversionFact, testEventCode?: string) {
  const { person, visitor } = fact
  return {
    data: [
      {
        event_name: META_EVENT[fact.kind],
        event_time: fact.time,
        action_source: 'website',
        event_id: fact.eventId,
        ...(fact.url ? { event_source_url: fact.url } : {}),
        user_data: compact({
          em: person.email ? [sha256(person.email)] : null,
          ph: person.phone ? [sha256(person.phone)] : null,
          fn: person.firstName ? [sha256(person.firstName)] : null,
          ln: person.lastName ? [sha256(person.lastName)] : null,
          country: [sha256('br')],
          external_id: [sha256(fact.externalId)],
          client_ip_address: visitor?.ipAddress ?? null,
          client_user_agent: visitor?.userAgent ?? null,
          fbc: fbcOf(visitor),
          fbp: visitor?.fbp ?? null,
        }),
        ...(fact.money
          ? {
              custom_data: compact({
                currency: fact.money.currency,
                value: reais(fact.money.cents),
                content_ids: fact.money.items.map((item) => item.id),
                content_type: 'product',
                order_id: fact.money.orderId ?? null,
              }),
            }
          : {}),
      },
    ],
    ...(testEventCode ? { test_event_code: testEventCode } : {}),
  }
}

/** TikTok Events API body of one event, same event id as the browser pixel. */
export function tiktokEvent(fact: ConversionFact, pixelCode: string, testEventCode?: string) {
  const { person, visitor } = fact
  return {
    event_source: 'web',
    event_source_id: pixelCode,
    ...(testEventCode ? { test_event_code: testEventCode } : {}),
    data: [
      {
        event: TIKTOK_EVENT[fact.kind],
        event_time: fact.time,
        event_id: fact.eventId,
        user: compact({
          ttclid: visitor?.ttclid ?? null,
          email: hashed(person.email),
          phone: hashed(person.phone),
          external_id: sha256(fact.externalId),
          ip: visitor?.ipAddress ?? null,
          user_agent: visitor?.userAgent ?? null,
        }),
        page: compact({ url: fact.url, referrer: visitor?.referrer ?? null }),
        ...(fact.money
          ? {
              properties: {
                contents: fact.money.items.map((item) => ({
                  content_id: item.id,
                  content_type: 'product',
                  content_name: item.name,
                })),
                value: reais(fact.money.cents),
                currency: fact.money.currency,
              },
            }
          : {}),
      },
    ],
  }
}

/** GA4 Measurement Protocol body; the client id is the visitor's (no `_ga` cookie kept). */
export function ga4Event(fact: ConversionFact) {
  const { visitor } = fact
  return {
    client_id: fact.externalId,
    timestamp_micros: fact.time * 1_000_000,
    events: [
      {
        name: GA4_EVENT[fact.kind],
        params: {
          ...(fact.money
            ? {
                ...(fact.money.orderId ? { transaction_id: fact.money.orderId } : {}),
                value: reais(fact.money.cents),
                currency: fact.money.currency,
                items: fact.money.items.map((item) => ({
                  item_id: item.id,
                  item_name: item.name,
                  item_category: item.kind,
                  price: reais(item.priceCents),
                  quantity: item.quantity,
                })),
              }
            : {}),
          ...(visitor
            ? { session_id: String(Math.floor(visitor.firstVisit.toMillis() / 1000)) }
            : {}),
          engagement_time_msec: 1,
        },
      },
    ],
  }
}
