import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'
import WorkspacePolicy from '#policies/workspace_policy'
import { isReadOnlyToken } from '#services/api_tokens'
import { DomainError } from '#exceptions/domain_error'

const READ_METHODS = ['GET', 'HEAD', 'OPTIONS']

/**
 * Editors and up write, viewers only read: any non-read request inside a workspace needs the
 * `write` ability (403 otherwise). Runs after the workspace middleware; one rule for every route.
 */
export default class RequireWriteMiddleware {
  async handle(ctx: HttpContext, next: NextFn) {
    if (!READ_METHODS.includes(ctx.request.method())) {
      await ctx.bouncer.with(WorkspacePolicy).authorize('write', ctx.workspace)
      /** A read-only API token cannot write, whatever its user's role. */
      const user = ctx.auth.user
      const token = user && 'currentAccessToken' in user ? user.currentAccessToken : undefined
      if (token && isReadOnlyToken(token)) {
        throw new DomainError(403, 'token_read_only', 'api_tokens.read_only')
      }
    }
    return next()
  }
}
