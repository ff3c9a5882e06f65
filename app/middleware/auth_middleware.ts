import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'
import type { Authenticators } from '@adonisjs/auth/types'
import { errors as authErrors } from '@adonisjs/auth'
import { rememberIntendedUrl } from '#services/intended_url'

/** Admin pages: a session is required; otherwise redirect to /login. */
export default class AuthMiddleware {
  redirectTo = '/login'

  async handle(
    ctx: HttpContext,
    next: NextFn,
    options: { guards?: (keyof Authenticators)[] } = {}
  ) {
    try {
      await ctx.auth.authenticateUsing(options.guards, { loginRoute: this.redirectTo })
    } catch (error) {
      /** After login the user returns to this page, not to the first workspace's dashboard. */
      if (error instanceof authErrors.E_UNAUTHORIZED_ACCESS) rememberIntendedUrl(ctx)
      throw error
    }
    return next()
  }
}
