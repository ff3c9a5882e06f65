import db from '@adonisjs/lucid/services/db'
import type { HttpContext } from '@adonisjs/core/http'
import type User from '#models/user'

/**
 * "Encerrar as outras sessões": bumps the user's session version, which ends every admin
 * session on every device (app/services/auth_user_providers.ts), then signs this browser in
 * again under the new version. API tokens are left alone (the profile ends them one by one;
 * RevokeUserAccess ends both at once).
 */
export default class EndOtherSessions {
  static async handle({ user, ctx }: { user: User; ctx: HttpContext }) {
    const result = await db.rawQuery(
      `UPDATE users SET session_version = session_version + 1, updated_at = now()
       WHERE id = ? RETURNING session_version`,
      [user.id]
    )
    const version = Number(result.rows[0]?.session_version)
    if (Number.isFinite(version)) {
      user.sessionVersion = version
      user.$original.sessionVersion = version
    }
    await ctx.auth.use('web').login(user)
  }
}
