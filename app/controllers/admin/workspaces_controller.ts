import type { HttpContext } from '@adonisjs/core/http'
import Agency from '#models/agency'
import type Workspace from '#models/workspace'
import WorkspaceAccess from '#services/workspace_access'
import WorkspaceTransformer from '#transformers/workspace_transformer'
import { createWorkspaceValidator, updateWorkspaceValidator } from '#validators/workspace'
import CreateWorkspace from '#actions/workspaces/create_workspace'
import UpdateWorkspace from '#actions/workspaces/update_workspace'
import ArchiveWorkspace from '#actions/workspaces/archive_workspace'
import VerifyCustomDomain from '#actions/workspaces/verify_custom_domain'
import { verificationRecord } from '#services/custom_domain'
import WorkspacePolicy from '#policies/workspace_policy'
import AgencyPolicy from '#policies/agency_policy'
import { t } from '#services/i18n'
import { errors } from '@adonisjs/core'
import { serialize } from '#services/serialize'

/** An agency and its workspaces on the workspaces page; `canManage` shows "Novo workspace". */
async function agencyWithWorkspaces(
  agency: Agency,
  workspaces: Workspace[],
  bouncer: HttpContext['bouncer']
) {
  return {
    id: agency.id,
    name: agency.name,
    canManage: await bouncer.with(AgencyPolicy).allows('manageWorkspaces', agency),
    workspaces: await serialize(WorkspaceTransformer.transform(workspaces).useVariant('detail')),
  }
}
export type AgencyWithWorkspaces = Awaited<ReturnType<typeof agencyWithWorkspaces>>

/** Agency-level workspace management: list, create, rename, archive. */
export default class WorkspacesController {
  async index({ inertia, auth, bouncer }: HttpContext) {
    const user = auth.getUserOrFail()
    const workspaces = await WorkspaceAccess.list(user, { includeArchived: true })
    const agencies = await Agency.query()
      .whereIn('id', [...new Set(workspaces.map((w) => w.agencyId))])
      .orWhereIn('id', (q) =>
        q.from('agency_members').where('user_id', user.id).select('agency_id')
      )
      .orderBy('name')

    return inertia.render('workspaces/index', {
      agencies: await Promise.all(
        agencies.map((agency) =>
          agencyWithWorkspaces(
            agency,
            workspaces.filter((w) => w.agencyId === agency.id),
            bouncer
          )
        )
      ),
      timezones: Intl.supportedValuesOf('timeZone'),
    })
  }

  async store(ctx: HttpContext) {
    const { request, bouncer, response, session } = ctx
    const data = await request.validateUsing(createWorkspaceValidator)
    const agency = await this.#agencyOf(ctx, data.agencyId)
    await bouncer.with(AgencyPolicy).authorize('manageWorkspaces', agency)
    const workspace = await CreateWorkspace.handle({ agency, data })
    session.flash('success', t(ctx.locale, 'workspaces.created'))
    return response.redirect().toRoute('w.dashboard', { workspaceSlug: workspace.slug })
  }

  async update(ctx: HttpContext) {
    const { request, bouncer, response, session } = ctx
    const workspace = await this.#workspaceOf(ctx)
    await bouncer.with(WorkspacePolicy).authorize('manage', workspace)
    const data = await request.validateUsing(updateWorkspaceValidator, {
      meta: { workspaceId: workspace.id },
    })
    await UpdateWorkspace.handle({ workspace, data })
    session.flash('success', t(ctx.locale, 'workspaces.updated'))
    return response.redirect().back()
  }

  /** "Verificar agora": looks the workspace's TXT record up and flashes the outcome. */
  async verifyDomain(ctx: HttpContext) {
    const { bouncer, response, session } = ctx
    const workspace = await this.#workspaceOf(ctx)
    await bouncer.with(WorkspacePolicy).authorize('manage', workspace)
    const outcome = await VerifyCustomDomain.handle({ workspace })
    const message = t(ctx.locale, `domains.check.${outcome}`, {
      domain: workspace.customDomain ?? '',
      name: verificationRecord(workspace)?.name ?? '',
    })
    session.flash(outcome === 'verified' ? 'success' : 'error', message)
    return response.redirect().back()
  }

  async archive(ctx: HttpContext) {
    const { bouncer, response, session } = ctx
    const workspace = await this.#workspaceOf(ctx)
    await bouncer.with(WorkspacePolicy).authorize('manage', workspace)
    await ArchiveWorkspace.handle({ workspace })
    session.flash('success', t(ctx.locale, 'workspaces.archived'))
    return response.redirect().toRoute('workspaces.index')
  }

  /** A workspace the user can open, else 404. */
  async #workspaceOf({ auth, params }: HttpContext) {
    const workspace = await WorkspaceAccess.find(auth.getUserOrFail(), { id: Number(params.id) })
    if (!workspace) throw new errors.E_ROUTE_NOT_FOUND(['PUT', `/workspaces/${params.id}`])
    return workspace
  }

  /** An agency the user belongs to, else 404. */
  async #agencyOf({ auth }: HttpContext, agencyId: number) {
    const role = await WorkspaceAccess.agencyRole(auth.getUserOrFail(), agencyId)
    if (!role) throw new errors.E_ROUTE_NOT_FOUND(['POST', '/workspaces'])
    return Agency.findOrFail(agencyId)
  }
}
