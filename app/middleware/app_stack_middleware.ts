import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'
import { SITE_PREFIX } from '#services/site_host'

/** The signed-in side's middleware, in order. */
const APP_STACK = [
  () => import('@adonisjs/session/session_middleware'),
  () => import('@adonisjs/shield/shield_middleware'),
  () => import('@adonisjs/auth/initialize_auth_middleware'),
  () => import('#middleware/initialize_bouncer_middleware'),
]

interface Middleware {
  handle(ctx: HttpContext, next: NextFn): unknown
}

/**
 * Runs session → shield (CSRF) → auth → Bouncer for every route except the public site's.
 * Visitors on a workspace host get no session cookie and no CSRF cookie: their pages stay
 * cacheable and light, and nothing there relies on a session.
 */
export default class AppStackMiddleware {
  async handle(ctx: HttpContext, next: NextFn) {
    if (ctx.request.url().startsWith(SITE_PREFIX)) return next()

    const stack: Middleware[] = []
    for (const load of APP_STACK) {
      const { default: Class } = await load()
      stack.push(await ctx.containerResolver.make(Class as any))
    }
    const run = (index: number): unknown =>
      index === stack.length ? next() : stack[index].handle(ctx, () => run(index + 1) as any)
    return run(0)
  }
}
