import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import type User from '#models/user'

/**
 * Ends everything a user is signed in with, at once: every admin session (the session stores
 * `{id}:{session_version}` and stops matching once the version is bumped, see
 * app/services/auth_user_providers.ts) and every API token (deleted). Run it inside the
 * transaction that deactivates the user or changes the password, so both land together.
 */
export default class RevokeUserAccess {
  static async handle(user: User, client: TransactionClientContract | typeof db = db) {
    const result = await client.rawQuery(
      `UPDATE users SET session_version = session_version + 1, updated_at = now()
       WHERE id = ? RETURNING session_version`,
      [user.id]
    )
    const version = Number(result.rows[0]?.session_version)
    const tokens = await client.from('auth_access_tokens').where('tokenable_id', user.id).delete()

    /** The instance in hand reflects the bump without counting as an unsaved change. */
    if (Number.isFinite(version)) {
      user.sessionVersion = version
      user.$original.sessionVersion = version
    }
    return {
      sessionVersion: version,
      tokensRevoked: Array.isArray(tokens) ? tokens.length : Number(tokens),
    }
  }
}
