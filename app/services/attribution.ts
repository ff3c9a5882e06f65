import type { HttpContext } from '@adonisjs/core/http'
import { metaClickIds } from '#integrations/meta_capi/click_ids'

/**
 * Where a visitor or a buyer came from: the landing URL's parameters, the ad platforms' click
 * ids and first-party cookies. Visitors keep it in columns (written by the beacon flush);
 * payments keep their own copy (`payments.attribution`, same names as the visitor columns),
 * taken at checkout, so a sale made before the flush wrote the visitor is still credited.
 */

/** First-touch parameters read from the landing URL (visitor columns of the same names). */
export const ATTRIBUTION_PARAMS = [
  'utm_source',
  'utm_medium',
  'utm_campaign',
  'utm_term',
  'utm_content',
  'src',
  'sck',
  'fbclid',
  'ttclid',
  'gclid',
] as const

export type AttributionParam = (typeof ATTRIBUTION_PARAMS)[number]

/** The landing URL's attribution parameters (each ≤ 255 characters, null when absent). */
export function landingParams(url: string | null | undefined) {
  const params = {} as Record<AttributionParam, string | null>
  let search: URLSearchParams | undefined
  try {
    search = url ? new URL(url).searchParams : undefined
  } catch {}
  for (const name of ATTRIBUTION_PARAMS) params[name] = search?.get(name)?.slice(0, 255) || null
  return params
}

/** The ad platforms' first-party cookies of a request, as the browser holds them. */
export interface TrackingCookies {
  fbc: string | null
  fbp: string | null
  /** TikTok's `_ttp`. */
  ttp: string | null
  /** GA4's client id from `_ga` (`GA1.1.<random>.<seconds>` → `<random>.<seconds>`). */
  gaClientId: string | null
  /** GA4 container (measurement id without `G-`) → session id, from `_ga_<container>`. */
  gaSessions: Record<string, string>
}

const MAX_COOKIE = 500

/** Parses a Cookie header by hand: the ad cookies are neither signed nor encoded by us. */
export function parseCookieHeader(header: string | undefined | null) {
  const cookies: Record<string, string> = {}
  for (const part of (header ?? '').split(';')) {
    const index = part.indexOf('=')
    if (index < 1) continue
    const name = part.slice(0, index).trim()
    const value = part.slice(index + 1).trim()
    if (name && value && !(name in cookies)) cookies[name] = value.slice(0, MAX_COOKIE)
  }
  return cookies
}

/** `_ga` = `GA1.<domain depth>.<random>.<first seen seconds>`: the client id is the last two. */
export function gaClientIdOf(cookie: string | null | undefined) {
  const parts = (cookie ?? '').split('.')
  if (parts.length < 4 || !/^GA\d$/.test(parts[0])) return null
  const [random, seconds] = parts.slice(-2)
  return /^\d{1,20}$/.test(random) && /^\d{1,20}$/.test(seconds) ? `${random}.${seconds}` : null
}

/**
 * The session id of a `_ga_<container>` cookie: `GS1.1.<session id>.<count>.…` (older format)
 * or `GS2.1.s<session id>$o<count>$…` (current one).
 */
export function gaSessionIdOf(cookie: string | null | undefined) {
  const value = cookie ?? ''
  const modern = /^GS2\.\d+\.s(\d{1,20})(?:\$|$)/.exec(value)
  if (modern) return modern[1]
  const legacy = /^GS1\.\d+\.(\d{1,20})\./.exec(value)
  return legacy ? legacy[1] : null
}

/** The tracking cookies of a request (beacon or checkout). */
export function trackingCookies(ctx: Pick<HttpContext, 'request'>): TrackingCookies {
  const cookies = parseCookieHeader(ctx.request.header('cookie'))
  const gaSessions: Record<string, string> = {}
  for (const [name, value] of Object.entries(cookies)) {
    const container = /^_ga_([A-Za-z0-9]{1,20})$/.exec(name)?.[1]
    const session = container ? gaSessionIdOf(value) : null
    if (container && session && Object.keys(gaSessions).length < 5) gaSessions[container] = session
  }
  return {
    fbc: cookies._fbc ?? null,
    fbp: cookies._fbp ?? null,
    ttp: cookies._ttp?.slice(0, 255) ?? null,
    gaClientId: gaClientIdOf(cookies._ga),
    gaSessions,
  }
}

/** What a payment keeps: the visitor columns' names, only the known ones, never null. */
export interface PaymentAttribution extends Partial<Record<AttributionParam, string>> {
  landing_url?: string
  referrer?: string
  fbc?: string
  fbp?: string
  ttp?: string
  ga_client_id?: string
  ga_sessions?: Record<string, string>
  ip_address?: string
  user_agent?: string
  /** When the landing happened (ISO), as the browser remembered it, else the checkout. */
  first_visit?: string
  /**
   * The checkout came with the visitor cookie, so the tracking script ran and its beacons will
   * write that visitor: postbacks may wait a little for it when this copy has no campaign.
   */
  visitor_expected?: boolean
}

/** Whether a payment's own copy names a campaign or a click (any landing parameter). */
export function hasCampaign(attribution: PaymentAttribution | null | undefined) {
  return ATTRIBUTION_PARAMS.some((name) => Boolean(attribution?.[name]))
}

function compact<T extends Record<string, unknown>>(record: T) {
  return Object.fromEntries(
    Object.entries(record).filter(
      ([, value]) =>
        value !== null &&
        value !== undefined &&
        value !== '' &&
        !(typeof value === 'object' && !Object.keys(value as object).length)
    )
  ) as Partial<T>
}

/**
 * The payment's own copy of the attribution, at checkout: the landing URL and referrer the
 * tracking script remembered for this session (the first page the visitor opened), the click
 * ids in it, and the cookies and client of the checkout request.
 */
export function checkoutAttribution(input: {
  landingUrl?: string | null
  referrer?: string | null
  cookies?: TrackingCookies | null
  ip?: string | null
  userAgent?: string | null
  visitorExpected?: boolean
}): PaymentAttribution {
  const landingUrl = input.landingUrl?.slice(0, 2000) || null
  const referrer = input.referrer?.slice(0, 2000) || null
  const cookies = input.cookies
  const clickIds = metaClickIds({
    url: landingUrl,
    referrer,
    fbc: cookies?.fbc,
    fbp: cookies?.fbp,
  })
  return compact({
    ...landingParams(landingUrl),
    landing_url: landingUrl,
    referrer,
    fbc: clickIds.fbc,
    fbp: clickIds.fbp,
    ttp: cookies?.ttp ?? null,
    ga_client_id: cookies?.gaClientId ?? null,
    ga_sessions: cookies?.gaSessions ?? {},
    ip_address: input.ip ?? null,
    user_agent: input.userAgent?.slice(0, 500) ?? null,
    first_visit: new Date().toISOString(),
    visitor_expected: input.visitorExpected || null,
  }) as PaymentAttribution
}
