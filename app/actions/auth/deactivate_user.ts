import db from '@adonisjs/lucid/services/db'
import type User from '#models/user'
import RevokeUserAccess from '#actions/auth/revoke_user_access'

/**
 * Deactivates an account: it can no longer log in (AuthenticateUser), and its open sessions and
 * API tokens stop working on their next request. The caller decides who may do this.
 */
export default class DeactivateUser {
  static async handle(user: User) {
    await db.transaction(async (trx) => {
      await trx
        .from('users')
        .where('id', user.id)
        .update({ is_active: false, updated_at: new Date() })
      await RevokeUserAccess.handle(user, trx)
    })
    user.isActive = false
    user.$original.isActive = false
    return user
  }
}
