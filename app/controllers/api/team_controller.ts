import type { HttpContext } from '@adonisjs/core/http'
import { changeRoleValidator, inviteValidator } from '#validators/team'
import ListTeam from '#actions/accounts/list_team'
import InviteMember from '#actions/accounts/invite_member'
import ChangeMemberRole, { type MemberKind } from '#actions/accounts/change_member_role'
import RemoveMember from '#actions/accounts/remove_member'
import RevokeInvitation from '#actions/accounts/revoke_invitation'
import { requireTeamManager } from '#actions/accounts/team'
import type { Role } from '#enums/roles'

/**
 * The team through the JSON API (the token's workspace, or X-Workspace): the same actions as
 * Configurações › Equipe. Reading needs access to the workspace; changes need an agency owner
 * or admin.
 */
export default class TeamController {
  async index({ workspace }: HttpContext) {
    const { members, invitations } = await ListTeam.handle({ workspace })
    return { members, invitations }
  }

  async invite(ctx: HttpContext) {
    const { request, auth, workspace, response } = ctx
    const user = auth.getUserOrFail()
    const role = await requireTeamManager(user, workspace.agencyId)
    const data = await request.validateUsing(inviteValidator)
    await workspace.load('agency')
    const invitation = await InviteMember.handle({
      agency: workspace.agency,
      inviter: user,
      inviterRole: role,
      data: { ...data, role: data.role as Role },
      locale: ctx.locale,
    })
    return response.created({
      invitation: {
        id: invitation.id,
        email: invitation.email,
        role: invitation.role,
        workspaceIds: invitation.workspaceIds,
        expiresAt: invitation.expiresAt.toISO(),
      },
    })
  }

  async updateMember({ request, auth, workspace, params, response }: HttpContext) {
    const user = auth.getUserOrFail()
    const managerRole = await requireTeamManager(user, workspace.agencyId)
    const { role } = await request.validateUsing(changeRoleValidator)
    await ChangeMemberRole.handle({
      workspace,
      manager: user,
      managerRole,
      kind: params.kind as MemberKind,
      id: Number(params.id),
      role: role as Role,
    })
    return response.noContent()
  }

  async destroyMember({ auth, workspace, params, response }: HttpContext) {
    const user = auth.getUserOrFail()
    const managerRole = await requireTeamManager(user, workspace.agencyId)
    await RemoveMember.handle({
      workspace,
      manager: user,
      managerRole,
      kind: params.kind as MemberKind,
      id: Number(params.id),
    })
    return response.noContent()
  }

  async revokeInvitation({ auth, workspace, params, response }: HttpContext) {
    await requireTeamManager(auth.getUserOrFail(), workspace.agencyId)
    await RevokeInvitation.handle({ workspace, id: Number(params.id) })
    return response.noContent()
  }
}
