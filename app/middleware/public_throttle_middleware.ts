import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'
import limiter from '@adonisjs/limiter/services/main'

/**
 * Throttles a public endpoint per workspace and visitor IP. Generous on purpose: Brazilian
 * mobile carriers put many buyers behind one address (CGNAT), and a launch is a spike of real
 * buyers. What it stops is a script creating PIX charges (each one a gateway call and a row) or
 * draining the paid CPF lookup. A named middleware (loaded on first use) rather than
 * `limiter.define` in a routes file: the limiter service resolves with a top-level await, which
 * would let the catch-all funnel routes register before the routes that import it.
 */
export default class PublicThrottleMiddleware {
  async handle(
    ctx: HttpContext,
    next: NextFn,
    options: { name: string; requests: number; perMinutes?: number }
  ) {
    const minutes = options.perMinutes ?? 1
    const throttle = limiter
      .allowRequests(options.requests)
      .every(`${minutes} minute${minutes > 1 ? 's' : ''}`)
      .usingKey(`${ctx.workspace.id}:${ctx.request.ip()}`)
    const state = await throttle.throttle(`public_${options.name}`, ctx)
    ctx.response.header('X-RateLimit-Limit', state.limit)
    ctx.response.header('X-RateLimit-Remaining', state.remaining)
    return next()
  }
}
