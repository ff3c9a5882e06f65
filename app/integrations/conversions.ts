import { createHash } from 'node:crypto'
import type Payment from '#models/payment'
import type Visitor from '#models/visitor'
import type { PaymentAttribution } from '#services/attribution'

/**
 * Buyer data for the ad platforms' server-side conversions, normalised and hashed as
 * Meta's Conversions API says (the same rules serve TikTok): trim + lowercase,
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
 * Where the person of a conversion came from, platform-neutral: landing parameters, click ids,
 * first-party cookies and the browser. A visitor's columns, or a payment's own copy taken at
 * checkout completed by its visitor's (the visitor row may be written after the payment).
 */
export interface Touch {
  utmSource: string | null
  utmMedium: string | null
  utmCampaign: string | null
  utmTerm: string | null
  utmContent: string | null
  src: string | null
  sck: string | null
  fbclid: string | null
  ttclid: string | null
  gclid: string | null
  fbc: string | null
  fbp: string | null
  ttp: string | null
  gaClientId: string | null
  gaSessions: Record<string, string>
  landingUrl: string | null
  referrer: string | null
  ip: string | null
  userAgent: string | null
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

/** A visitor's first-touch attribution and latest cookies. */
export function visitorTouch(visitor: Visitor | null): Touch | null {
  if (!visitor) return null
  return {
    utmSource: visitor.utmSource,
    utmMedium: visitor.utmMedium,
    utmCampaign: visitor.utmCampaign,
    utmTerm: visitor.utmTerm,
    utmContent: visitor.utmContent,
    src: visitor.src,
    sck: visitor.sck,
    fbclid: visitor.fbclid,
    ttclid: visitor.ttclid,
    gclid: visitor.gclid,
    fbc: fbcOf(visitor),
    fbp: visitor.fbp,
    ttp: visitor.ttp ?? null,
    gaClientId: visitor.gaClientId ?? null,
    gaSessions: (visitor.gaSessions as Record<string, string>) ?? {},
    landingUrl: visitor.landingUrl,
    referrer: visitor.referrer,
    ip: visitor.ipAddress,
    userAgent: visitor.userAgent,
  }
}

/**
 * A payment's attribution: its own copy (taken at checkout, so the same on every postback of
 * the order) field by field, the linked visitor's filling what the copy lacks (a checkout
 * posted without the tracking script). Null when neither knows anything.
 */
export function paymentTouch(payment: Payment, visitor: Visitor | null): Touch | null {
  const own = (payment.attribution ?? {}) as PaymentAttribution
  const base = visitorTouch(visitor)
  if (!base && !Object.keys(own).length) return null
  const pick = (key: keyof PaymentAttribution, fallback: string | null | undefined) => {
    const value = own[key]
    return typeof value === 'string' && value ? value : (fallback ?? null)
  }
  return {
    utmSource: pick('utm_source', base?.utmSource),
    utmMedium: pick('utm_medium', base?.utmMedium),
    utmCampaign: pick('utm_campaign', base?.utmCampaign),
    utmTerm: pick('utm_term', base?.utmTerm),
    utmContent: pick('utm_content', base?.utmContent),
    src: pick('src', base?.src),
    sck: pick('sck', base?.sck),
    fbclid: pick('fbclid', base?.fbclid),
    ttclid: pick('ttclid', base?.ttclid),
    gclid: pick('gclid', base?.gclid),
    fbc: pick('fbc', base?.fbc),
    fbp: pick('fbp', base?.fbp),
    ttp: pick('ttp', base?.ttp),
    gaClientId: pick('ga_client_id', base?.gaClientId),
    gaSessions: { ...(base?.gaSessions ?? {}), ...(own.ga_sessions ?? {}) },
    landingUrl: pick('landing_url', base?.landingUrl),
    referrer: pick('referrer', base?.referrer),
    ip: pick('ip_address', base?.ip),
    userAgent: pick('user_agent', base?.userAgent),
  }
}

/** The tracking parameters of a touch, as UTMify (and the agency webhooks) name them. */
export function trackingParametersOf(touch: Touch | null) {
  return {
    src: touch?.src ?? null,
    sck: touch?.sck ?? null,
    utm_source: touch?.utmSource ?? null,
    utm_campaign: touch?.utmCampaign ?? null,
    utm_medium: touch?.utmMedium ?? null,
    utm_content: touch?.utmContent ?? null,
    utm_term: touch?.utmTerm ?? null,
  }
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
  touch: Touch | null
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

/**
 * A payment as a Purchase. Its event id is the payment's public token (docs/integrations/meta_capi.md):
 * the PIX page and the thank-you page fire the browser Purchase with the same id, so each
 * platform counts one.
 */
export function purchaseFact(payment: Payment, visitor: Visitor | null): ConversionFact {
  const items = payment.items ?? []
  const touch = paymentTouch(payment, visitor)
  return {
    kind: 'Purchase',
    eventId: payment.publicToken,
    time: eventTime(payment),
    url: touch?.landingUrl ?? null,
    person: buyerOf(payment),
    touch,
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

/** Meta CAPI body of one event (hashing per docs/integrations/meta_capi.md; ip, agent, fbc, fbp in clear). */
export function metaEvent(fact: ConversionFact, testEventCode?: string) {
  const { person, touch } = fact
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
          client_ip_address: touch?.ip ?? null,
          client_user_agent: touch?.userAgent ?? null,
          fbc: touch?.fbc ?? null,
          fbp: touch?.fbp ?? null,
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
  const { person, touch } = fact
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
          ttclid: touch?.ttclid ?? null,
          ttp: touch?.ttp ?? null,
          email: hashed(person.email),
          phone: hashed(person.phone),
          external_id: sha256(fact.externalId),
          ip: touch?.ip ?? null,
          user_agent: touch?.userAgent ?? null,
        }),
        page: compact({ url: fact.url, referrer: touch?.referrer ?? null }),
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

/**
 * The GA4 session of a touch for a measurement id: the `_ga_<container>` cookie of that
 * container, else the only one the browser had. Never invented: without it GA4 shows
 * "(not set)", which is true.
 */
export function gaSessionOf(touch: Touch | null, measurementId?: string) {
  const sessions = touch?.gaSessions ?? {}
  const container = measurementId?.replace(/^G-/i, '')
  if (container && sessions[container]) return sessions[container]
  const all = Object.values(sessions)
  return all.length === 1 ? all[0] : null
}

/**
 * GA4 Measurement Protocol body. The client id is the browser's (`_ga` cookie) so GA4 joins the
 * event to the session the tag recorded; without the cookie, the visitor's or payment's id.
 */
export function ga4Event(fact: ConversionFact, measurementId?: string) {
  const { touch } = fact
  const sessionId = gaSessionOf(touch, measurementId)
  return {
    client_id: touch?.gaClientId ?? fact.externalId,
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
          ...(sessionId ? { session_id: sessionId } : {}),
          engagement_time_msec: 1,
        },
      },
    ],
  }
}
