import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import User from '#models/user'
import ClearLoginLock from '#actions/auth/clear_login_lock'
import RevokeUserAccess from '#actions/auth/revoke_user_access'
import { consumeAccountToken } from '#actions/accounts/account_tokens'

/**
 * Sets a new password from a reset link: the link is used up, every session and API token of
 * the account ends, and the login lock of the reset's IP is lifted. Clicking the link proves
 * the address too, so an unverified sign-up becomes verified. Null when the link is unusable.
 */
export default class ResetPassword {
  static async handle({ token, password, ip }: { token: string; password: string; ip: string }) {
    const user = await db.transaction(async (trx) => {
      const row = await consumeAccountToken(token, 'password_reset', trx)
      if (!row) return null
      const account = await User.query({ client: trx }).where('id', row.userId).forUpdate().first()
      if (!account || !account.isActive) return null
      account.password = password
      account.emailVerifiedAt ??= DateTime.now()
      await account.useTransaction(trx).save()
      await RevokeUserAccess.handle(account, trx)
      return account
    })
    if (user) await ClearLoginLock.handle({ email: user.email, ip })
    return user
  }
}
