import db from '@adonisjs/lucid/services/db'
import type User from '#models/user'
import WorkspaceAccess from '#services/workspace_access'
import { DomainError } from '#exceptions/domain_error'

/** An agency owner requires (or stops requiring) two-step verification of everyone. */
export default class SetTwoFactorRequirement {
  static async handle({
    user,
    agencyId,
    required,
  }: {
    user: User
    agencyId: number
    required: boolean
  }) {
    if ((await WorkspaceAccess.agencyRole(user, agencyId)) !== 'owner') {
      throw new DomainError(403, 'forbidden', 'auth.forbidden')
    }
    await db.from('agencies').where('id', agencyId).update({ require_two_factor: required })
  }
}
