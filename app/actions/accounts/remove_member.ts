import db from '@adonisjs/lucid/services/db'
import type Workspace from '#models/workspace'
import type User from '#models/user'
import { DomainError } from '#exceptions/domain_error'
import { agencyWorkspaceIds, cutAccess, ownerCount } from '#actions/accounts/team'
import { findMember, type MemberKind } from '#actions/accounts/change_member_role'
import type { Role } from '#enums/roles'

/**
 * Removes a member (or lets one leave): access ends at once (membership rows, open sessions,
 * API tokens bound to the agency's workspaces). Only owners remove owners; the last owner can
 * neither be removed nor leave.
 */
export default class RemoveMember {
  static async handle(params: {
    workspace: Workspace
    manager: User
    managerRole: Role
    kind: MemberKind
    id: number
  }) {
    const { workspace, manager, managerRole, kind, id } = params
    await db.transaction(async (trx) => {
      const member = await findMember(workspace, kind, id, trx)
      const leaving = member.user_id === manager.id
      if (member.role === 'owner' && managerRole !== 'owner') {
        throw new DomainError(403, 'forbidden', 'auth.forbidden')
      }
      if (kind === 'agency' && member.role === 'owner') {
        if ((await ownerCount(workspace.agencyId, trx)) <= 1) {
          throw new DomainError(
            409,
            'last_owner',
            leaving ? 'team.last_owner_leave' : 'team.last_owner'
          )
        }
      }
      const table = kind === 'agency' ? 'agency_members' : 'workspace_members'
      await trx.from(table).where('id', member.id).delete()
      /** Still reachable through another membership of the agency? Then only that one went. */
      const stillAgency = await trx
        .from('agency_members')
        .where({ agency_id: workspace.agencyId, user_id: member.user_id })
        .first()
      if (!stillAgency) {
        const ids =
          kind === 'agency'
            ? await agencyWorkspaceIds(workspace.agencyId, trx)
            : [member.workspace_id!]
        await cutAccess(member.user_id, ids, trx)
      }
    })
  }
}
