import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'
import WorkspaceAccess from '#services/workspace_access'
import { errors } from '@adonisjs/core'
import TwoFactor from '#actions/accounts/two_factor'
import RecordAudit from '#actions/accounts/record_audit'
import { t } from '#services/i18n'

/**
 * Admin pages under /w/:workspaceSlug: resolves the workspace among those the user may open.
 * Another agency's (or an archived) workspace is a 404, never a 403: its existence is not revealed.
 */
export default class WorkspaceMiddleware {
  async handle(ctx: HttpContext, next: NextFn) {
    const user = ctx.auth.getUserOrFail()
    const workspace = await WorkspaceAccess.find(user, { slug: ctx.params.workspaceSlug })
    if (!workspace) {
      throw new errors.E_ROUTE_NOT_FOUND([ctx.request.method(), ctx.request.url()])
    }
    ctx.workspace = workspace
    ctx.workspaceRole = WorkspaceAccess.roleOf(workspace)!
    /** The agency requires two-step verification: enrol first. */
    if (await TwoFactor.missingFor(user.id, workspace.agencyId)) {
      ctx.session.flash('error', t(ctx.locale, 'two_factor.required_by_agency'))
      return ctx.response.redirect().toRoute('two_factor.setup')
    }
    const output = await next()
    /** Successful changes go to the audit log (app/actions/accounts/record_audit.ts). */
    await RecordAudit.fromRequest(ctx)
    return output
  }
}
