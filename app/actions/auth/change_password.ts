import db from '@adonisjs/lucid/services/db'
import type { HttpContext } from '@adonisjs/core/http'
import type User from '#models/user'
import RevokeUserAccess from '#actions/auth/revoke_user_access'

/**
 * Sets a new password and ends every session and API token the user had (a password is
 * changed because the old one may be known to someone else). When `ctx` is given — the user
 * changing their own password in the admin — that one browser is signed in again with a fresh
 * session; every other device has to log in with the new password.
 */
export default class ChangePassword {
  static async handle({
    user,
    password,
    ctx,
  }: {
    user: User
    password: string
    ctx?: HttpContext
  }) {
    await db.transaction(async (trx) => {
      user.useTransaction(trx)
      user.password = password
      await user.save()
      await RevokeUserAccess.handle(user, trx)
    })
    if (ctx) await ctx.auth.use('web').login(user)
    return user
  }
}
