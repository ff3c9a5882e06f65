import { createHash, randomBytes } from 'node:crypto'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import type User from '#models/user'
import WorkspaceAccess from '#services/workspace_access'
import { MANAGE_ROLES, type Role } from '#enums/roles'
import { DomainError } from '#exceptions/domain_error'

/** How long an invitation link works. */
export const INVITATION_DAYS = 7

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex')
export const newToken = () => randomBytes(32).toString('base64url')

/**
 * Who may manage an agency's team: its owners and admins. Returns the manager's agency role,
 * or throws 403 (the workspace itself was already found, so its existence is no secret).
 */
export async function requireTeamManager(user: User, agencyId: number) {
  const role = await WorkspaceAccess.agencyRole(user, agencyId)
  if (!role || !MANAGE_ROLES.includes(role)) {
    throw new DomainError(403, 'forbidden', 'auth.forbidden')
  }
  return role as Role
}

/**
 * After a removal or a downgrade: admin sessions of the user end (session version bump, so an
 * open page or event stream stops at once; they sign in again and see what is left) and API
 * tokens bound to the given workspaces are deleted. Membership is checked on every request
 * anyway; this closes what was already open.
 */
export async function cutAccess(
  userId: number,
  workspaceIds: number[],
  trx: TransactionClientContract
) {
  await trx.rawQuery(
    `UPDATE users SET session_version = session_version + 1, updated_at = now() WHERE id = ?`,
    [userId]
  )
  const abilities = new Set(workspaceIds.map((id) => `workspace:${id}`))
  if (!abilities.size) return
  const tokens = await trx
    .from('auth_access_tokens')
    .where('tokenable_id', userId)
    .select('id', 'abilities')
  const bound = tokens
    .filter((token) => {
      try {
        return (JSON.parse(token.abilities) as string[]).some((a) => abilities.has(a))
      } catch {
        return false
      }
    })
    .map((token) => token.id)
  if (bound.length) await trx.from('auth_access_tokens').whereIn('id', bound).delete()
}

/** Every workspace id of an agency (what an agency-wide membership opened). */
export async function agencyWorkspaceIds(agencyId: number, trx: TransactionClientContract) {
  const rows = await trx.from('workspaces').where('agency_id', agencyId).select('id')
  return rows.map((row) => row.id as number)
}

/** Owners left in an agency (locked, so two concurrent removals cannot both pass the check). */
export async function ownerCount(agencyId: number, trx: TransactionClientContract) {
  const rows = await trx
    .from('agency_members')
    .where({ agency_id: agencyId, role: 'owner' })
    .forUpdate()
    .select('id')
  return rows.length
}
