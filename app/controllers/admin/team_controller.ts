import type { HttpContext } from '@adonisjs/core/http'
import { changeRoleValidator, inviteValidator, requireTwoFactorValidator } from '#validators/team'
import SetTwoFactorRequirement from '#actions/accounts/set_two_factor_requirement'
import db from '@adonisjs/lucid/services/db'
import ListTeam from '#actions/accounts/list_team'
import InviteMember from '#actions/accounts/invite_member'
import ChangeMemberRole, { type MemberKind } from '#actions/accounts/change_member_role'
import RemoveMember from '#actions/accounts/remove_member'
import RevokeInvitation from '#actions/accounts/revoke_invitation'
import { requireTeamManager } from '#actions/accounts/team'
import WorkspaceAccess from '#services/workspace_access'
import { DomainError } from '#exceptions/domain_error'
import { MANAGE_ROLES, type Role } from '#enums/roles'
import { t } from '#services/i18n'

/**
 * Configurações › Equipe: the agency's members, client logins and invitations, seen from one of
 * its workspaces. Everyone with access sees the list; owners and admins of the agency manage it.
 */
export default class TeamController {
  async index({ inertia, workspace, auth }: HttpContext) {
    const role = await WorkspaceAccess.agencyRole(auth.getUserOrFail(), workspace.agencyId)
    const agency = await db
      .from('agencies')
      .where('id', workspace.agencyId)
      .select('require_two_factor')
      .first()
    return inertia.render('team/index', {
      team: await ListTeam.handle({ workspace }),
      can: {
        manage: role !== null && MANAGE_ROLES.includes(role),
        manageOwners: role === 'owner',
      },
      me: auth.getUserOrFail().id,
      requireTwoFactor: Boolean(agency?.require_two_factor),
    })
  }

  async invite(ctx: HttpContext) {
    const { request, auth, workspace, response, session } = ctx
    const user = auth.getUserOrFail()
    const role = await requireTeamManager(user, workspace.agencyId)
    const data = await request.validateUsing(inviteValidator)
    await workspace.load('agency')
    const done = await this.#friendly(ctx, () =>
      InviteMember.handle({
        agency: workspace.agency,
        inviter: user,
        inviterRole: role,
        data: { ...data, role: data.role as Role },
        locale: ctx.locale,
      })
    )
    if (done) session.flash('success', t(ctx.locale, 'team.invited', { email: data.email }))
    return response.redirect().back()
  }

  async updateMember(ctx: HttpContext) {
    const { request, auth, workspace, params, response, session } = ctx
    const user = auth.getUserOrFail()
    const managerRole = await requireTeamManager(user, workspace.agencyId)
    const { role } = await request.validateUsing(changeRoleValidator)
    const done = await this.#friendly(ctx, () =>
      ChangeMemberRole.handle({
        workspace,
        manager: user,
        managerRole,
        kind: params.kind as MemberKind,
        id: Number(params.id),
        role: role as Role,
      })
    )
    if (done) session.flash('success', t(ctx.locale, 'team.role_changed'))
    return response.redirect().back()
  }

  async destroyMember(ctx: HttpContext) {
    const { auth, workspace, params, response, session } = ctx
    const user = auth.getUserOrFail()
    const managerRole = await requireTeamManager(user, workspace.agencyId)
    const done = await this.#friendly(ctx, () =>
      RemoveMember.handle({
        workspace,
        manager: user,
        managerRole,
        kind: params.kind as MemberKind,
        id: Number(params.id),
      })
    )
    if (done) session.flash('success', t(ctx.locale, 'team.removed'))
    return response.redirect().back()
  }

  /** Owners only: require two-step verification of everyone who opens the agency's workspaces. */
  async twoFactor(ctx: HttpContext) {
    const { request, auth, workspace, response, session } = ctx
    const { required } = await request.validateUsing(requireTwoFactorValidator)
    await SetTwoFactorRequirement.handle({
      user: auth.getUserOrFail(),
      agencyId: workspace.agencyId,
      required,
    })
    session.flash('success', t(ctx.locale, required ? 'team.two_factor_on' : 'team.two_factor_off'))
    return response.redirect().back()
  }

  async revokeInvitation(ctx: HttpContext) {
    const { auth, workspace, params, response, session } = ctx
    await requireTeamManager(auth.getUserOrFail(), workspace.agencyId)
    await RevokeInvitation.handle({ workspace, id: Number(params.id) })
    session.flash('success', t(ctx.locale, 'team.invitation_revoked'))
    return response.redirect().back()
  }

  /**
   * Rule violations (last owner, owner scoped to workspaces) come back to the page as a toast;
   * 403 and 404 stay errors. Returns whether the action went through.
   */
  async #friendly(ctx: HttpContext, action: () => Promise<unknown>) {
    try {
      await action()
      return true
    } catch (error) {
      if (error instanceof DomainError && error.status !== 403 && error.status !== 404) {
        ctx.session.flash('error', t(ctx.locale, error.messageKey, error.params))
        return false
      }
      throw error
    }
  }
}
