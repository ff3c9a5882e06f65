import { randomBytes } from 'node:crypto'
import type { HttpContext } from '@adonisjs/core/http'
import { trackingCookies, type TrackingCookies } from '#services/attribution'

/** First-party cookie that identifies a visitor within a workspace host. */
export const VISITOR_COOKIE = 'fd_sid'
const SESSION_ID = /^[A-Za-z0-9_-]{16,64}$/

/**
 * The visitor's session id from its cookie, or a new one (set on the response, one year,
 * first-party on the workspace host, readable by the tracking script for pixel matching).
 */
export function visitorSessionId(ctx: HttpContext) {
  const current = ctx.request.plainCookie(VISITOR_COOKIE, { encoded: false })
  if (typeof current === 'string' && SESSION_ID.test(current)) return current
  const created = randomBytes(18).toString('base64url')
  ctx.response.plainCookie(VISITOR_COOKIE, created, {
    encode: false,
    maxAge: '365d',
    httpOnly: false,
    sameSite: 'lax',
    path: '/',
  })
  return created
}

/**
 * The ad platforms' first-party cookies (set by their pixels on the workspace host, at most 500
 * chars each): Meta's `_fbc` / `_fbp`, TikTok's `_ttp`, GA4's client and session ids from
 * `_ga` / `_ga_<container>` (what lets GA4 join a server event to the browser's session).
 */
export function metaCookies(ctx: HttpContext): TrackingCookies {
  return trackingCookies(ctx)
}
