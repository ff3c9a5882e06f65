import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'

/**
 * JSON API: a bearer access token, or the admin session (the admin's own fetch calls).
 * Failure is a JSON 401 rendered by the exception handler.
 */
export default class ApiAuthMiddleware {
  async handle(ctx: HttpContext, next: NextFn) {
    await ctx.auth.authenticateUsing(['api', 'web'])
    return next()
  }
}
