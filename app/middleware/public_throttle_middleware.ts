import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'
import limiter from '@adonisjs/limiter/services/main'
import { errors as limiterErrors } from '@adonisjs/limiter'
import logger from '@adonisjs/core/services/logger'
import { clientIp } from '#services/client_ip'
import { VISITOR_COOKIE } from '#services/visitor_session'
import { t } from '#services/i18n'

export interface PublicThrottleOptions {
  /** Limiter key prefix (`public_<name>`): one budget per name. */
  name: string
  requests: number
  perMinutes?: number
  /**
   * Whose budget: the client IP (default; the real one, see client_ip.ts) or the visitor's
   * first-party cookie. A request without the cookie skips a per-visitor throttle: the per-IP
   * one next to it still holds.
   */
  by?: 'ip' | 'visitor'
}

/**
 * Throttles a public endpoint per workspace and visitor IP (or visitor). Generous on purpose:
 * Brazilian mobile carriers put many buyers behind one address (CGNAT), and a launch is a spike
 * of real buyers. What it stops is a script creating PIX charges (each one a gateway call and a
 * row), draining the paid CPF lookup or flooding the beacon and lead tables. Over the limit:
 * 429 with Retry-After. If the limiter's store (Redis) fails, the request goes through and the
 * failure is logged: a throttle must never turn into a 5xx for real buyers.
 *
 * A named middleware (loaded on first use) rather than `limiter.define` in a routes file: the
 * limiter service resolves with a top-level await, which would let the catch-all funnel routes
 * register before the routes that import it.
 */
export default class PublicThrottleMiddleware {
  async handle(ctx: HttpContext, next: NextFn, options: PublicThrottleOptions) {
    const subject = options.by === 'visitor' ? visitorOf(ctx) : (clientIp(ctx.request) ?? 'none')
    if (subject === null) return next()

    const minutes = options.perMinutes ?? 1
    /**
     * One `consume` (one Redis script call) per request: the HTTP limiter's `throttle()` reads
     * the key first (a MULTI of GET + PTTL) only to refuse without counting, which matters for
     * block durations, not used here. Two throttles on every beacon made those reads the largest
     * part of its Redis round trips (issue 19). Same key, limit, window and 429 as before.
     */
    const store = limiter.use({
      requests: options.requests,
      duration: `${minutes} minute${minutes > 1 ? 's' : ''}`,
    })
    try {
      const state = await store.consume(`public_${options.name}_${ctx.workspace.id}:${subject}`)
      ctx.response.header('X-RateLimit-Limit', state.limit)
      ctx.response.header('X-RateLimit-Remaining', state.remaining)
    } catch (error) {
      if (error instanceof limiterErrors.E_TOO_MANY_REQUESTS) {
        error.setMessage(t(ctx.locale, 'errors.too_many_requests'))
        throw error
      }
      logger.warn(
        { err: error, throttle: options.name },
        'throttle store unavailable; request let through'
      )
    }
    return next()
  }
}

/** The visitor cookie's value when it looks like one of ours, else null. */
function visitorOf(ctx: HttpContext) {
  const value = ctx.request.plainCookie(VISITOR_COOKIE, { encoded: false })
  return typeof value === 'string' && /^[A-Za-z0-9_-]{16,64}$/.test(value) ? `v:${value}` : null
}
