import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'

/**
 * JSON API: a bearer access token and nothing else. The admin session is deliberately not
 * accepted here (no session even runs on `/api/*`, see app_stack_middleware): a cookie a browser
 * attaches on its own is ambient authority that any page could borrow, a token is not.
 * Failure is a JSON 401 rendered by the exception handler.
 */
export default class ApiAuthMiddleware {
  async handle(ctx: HttpContext, next: NextFn) {
    await ctx.auth.authenticateUsing(['api'])
    return next()
  }
}
