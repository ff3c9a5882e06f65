import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import type Workspace from '#models/workspace'
import type User from '#models/user'
import { DomainError } from '#exceptions/domain_error'
import { agencyWorkspaceIds, cutAccess, ownerCount } from '#actions/accounts/team'
import type { Role } from '#enums/roles'

export type MemberKind = 'agency' | 'workspace'

/** The membership row of a team member, only within the workspace's agency (else 404). */
export async function findMember(
  workspace: Workspace,
  kind: MemberKind,
  id: number,
  trx: TransactionClientContract
) {
  const row =
    kind === 'agency'
      ? await trx
          .from('agency_members')
          .where({ id, agency_id: workspace.agencyId })
          .forUpdate()
          .first()
      : await trx
          .from('workspace_members as m')
          .join('workspaces as w', 'w.id', 'm.workspace_id')
          .where('m.id', id)
          .where('w.agency_id', workspace.agencyId)
          .forUpdate('m')
          .select('m.*')
          .first()
  if (!row) throw new DomainError(404, 'not_found', 'errors.not_found')
  return row as { id: number; user_id: number; role: Role; workspace_id?: number }
}

/**
 * Changes a member's role. Only owners touch owners (make or unmake one); the last owner cannot
 * be demoted. Lowering a role ends the member's open sessions so the new limits apply at once.
 */
export default class ChangeMemberRole {
  static async handle(params: {
    workspace: Workspace
    manager: User
    managerRole: Role
    kind: MemberKind
    id: number
    role: Role
  }) {
    const { workspace, managerRole, kind, id, role } = params
    return db.transaction(async (trx) => {
      const member = await findMember(workspace, kind, id, trx)
      if ((member.role === 'owner' || role === 'owner') && managerRole !== 'owner') {
        throw new DomainError(403, 'forbidden', 'auth.forbidden')
      }
      if (kind === 'workspace' && role === 'owner') {
        throw new DomainError(422, 'owner_agency_wide', 'team.owner_agency_wide', 'role')
      }
      if (member.role === 'owner' && role !== 'owner') {
        if ((await ownerCount(workspace.agencyId, trx)) <= 1) {
          throw new DomainError(409, 'last_owner', 'team.last_owner', 'role')
        }
      }
      const table = kind === 'agency' ? 'agency_members' : 'workspace_members'
      await trx.from(table).where('id', member.id).update({ role, updated_at: new Date() })
      const order: Role[] = ['owner', 'admin', 'editor', 'viewer']
      if (order.indexOf(role) > order.indexOf(member.role)) {
        const ids =
          kind === 'agency'
            ? await agencyWorkspaceIds(workspace.agencyId, trx)
            : [(member as { workspace_id?: number }).workspace_id!]
        await cutAccess(member.user_id, ids, trx)
      }
    })
  }
}
