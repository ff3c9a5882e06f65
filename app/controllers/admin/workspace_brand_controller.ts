import type { HttpContext } from '@adonisjs/core/http'
import WorkspacePolicy from '#policies/workspace_policy'
import { workspaceBrandValidator } from '#validators/brand'
import UpdateWorkspaceBrand from '#actions/workspaces/update_workspace_brand'
import { t } from '#services/i18n'

/**
 * `PUT /w/:workspaceSlug/settings/brand`: the brand of the workspace's funnel pages (owners and
 * admins); another workspace's slug is a 404 (workspace middleware).
 */
export default class WorkspaceBrandController {
  async update(ctx: HttpContext) {
    const { request, response, session, workspace, bouncer } = ctx
    await bouncer.with(WorkspacePolicy).authorize('manage', workspace)
    const data = await request.validateUsing(workspaceBrandValidator)
    await UpdateWorkspaceBrand.handle({ workspace, data })
    session.flash('success', t(ctx.locale, 'workspace_brand.saved'))
    return response.redirect().back()
  }
}
