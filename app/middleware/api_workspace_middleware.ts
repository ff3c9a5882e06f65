import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'
import WorkspaceAccess from '#services/workspace_access'
import { workspaceIdOfToken } from '#services/api_tokens'
import { DomainError } from '#exceptions/domain_error'
import TwoFactor from '#actions/accounts/two_factor'
import RecordAudit from '#actions/accounts/record_audit'

/**
 * The workspace of a JSON API request: the one a token was issued for, or — for an agency-wide
 * token or the admin session — the `X-Workspace` header (id or slug). A workspace the user cannot
 * open is a 404; a header that contradicts a workspace-bound token is a 403.
 */
export default class ApiWorkspaceMiddleware {
  async handle(ctx: HttpContext, next: NextFn) {
    const user = ctx.auth.getUserOrFail()
    const header = ctx.request.header('x-workspace')?.trim()
    const token = 'currentAccessToken' in user ? user.currentAccessToken : undefined
    const boundId = token ? workspaceIdOfToken(token) : null

    let key: { id: number } | { slug: string }
    if (boundId !== null) {
      key = { id: boundId }
    } else if (header) {
      key = /^\d+$/.test(header) ? { id: Number(header) } : { slug: header.toLowerCase() }
    } else {
      throw new DomainError(400, 'workspace_required', 'errors.workspace_required', 'X-Workspace')
    }

    const workspace = await WorkspaceAccess.find(user, key)
    if (!workspace) throw new DomainError(404, 'not_found', 'errors.not_found')
    if (
      boundId !== null &&
      header &&
      header !== String(workspace.id) &&
      header !== workspace.slug
    ) {
      throw new DomainError(403, 'forbidden', 'auth.forbidden', 'X-Workspace')
    }

    ctx.workspace = workspace
    ctx.workspaceRole = WorkspaceAccess.roleOf(workspace)!
    if (await TwoFactor.missingFor(user.id, workspace.agencyId)) {
      throw new DomainError(403, 'two_factor_required', 'two_factor.required_by_agency')
    }
    const output = await next()
    await RecordAudit.fromRequest(ctx)
    return output
  }
}
