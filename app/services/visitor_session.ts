import { randomBytes } from 'node:crypto'
import type { HttpContext } from '@adonisjs/core/http'

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

/** Meta's first-party cookies (set by its pixel on the workspace host), at most 500 chars each. */
export function metaCookies(ctx: HttpContext) {
  const read = (name: string) => {
    const value = ctx.request.plainCookie(name, { encoded: false })
    return typeof value === 'string' && value ? value.slice(0, 500) : null
  }
  return { fbc: read('_fbc'), fbp: read('_fbp') }
}
