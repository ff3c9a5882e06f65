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

/**
 * The JSON API authenticates by bearer token only (api_auth_middleware), so it gets no session:
 * the session cookie a browser attaches to `/api/*` is never read, which is what makes the API
 * immune to cross-site requests without a CSRF token, and no API call writes a session.
 */
const API_STACK = [
  () => import('@adonisjs/auth/initialize_auth_middleware'),
  () => import('#middleware/initialize_bouncer_middleware'),
]

interface Middleware {
  handle(ctx: HttpContext, next: NextFn): unknown
}

/**
 * Runs session → shield (CSRF, headers) → auth → Bouncer for the admin and real time; auth →
 * Bouncer alone for `/api/*`; nothing for the public site. Visitors on a workspace host get no
 * session cookie and no CSRF cookie: their pages stay cacheable and light, and nothing there
 * relies on a session.
 */
export default class AppStackMiddleware {
  async handle(ctx: HttpContext, next: NextFn) {
    const url = ctx.request.url()
    if (url.startsWith(SITE_PREFIX)) return next()

    const isApi = url === '/api' || url.startsWith('/api/')
    if (isApi) ctx.response.header('X-Content-Type-Options', 'nosniff')
    /** Admin URLs name workspaces and payments: other sites never see them as a referrer. */
    ctx.response.header('Referrer-Policy', isApi ? 'no-referrer' : 'same-origin')

    const stack: Middleware[] = []
    for (const load of isApi ? API_STACK : APP_STACK) {
      const { default: Class } = await load()
      stack.push(await ctx.containerResolver.make(Class as any))
    }
    const run = (index: number): unknown =>
      index === stack.length ? next() : stack[index].handle(ctx, () => run(index + 1) as any)
    return run(0)
  }
}
