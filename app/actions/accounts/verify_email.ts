import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import User from '#models/user'
import { consumeAccountToken } from '#actions/accounts/account_tokens'

/**
 * Marks an address verified from its link. Returns the user, or null when the link is unknown,
 * used, expired, or the account's e-mail changed since it was sent.
 */
export default class VerifyEmail {
  static async handle({ token }: { token: string }) {
    return db.transaction(async (trx) => {
      const row = await consumeAccountToken(token, 'email_verification', trx)
      if (!row) return null
      const user = await User.query({ client: trx }).where('id', row.userId).forUpdate().first()
      if (!user || user.email !== row.email) return null
      if (!user.emailVerifiedAt) {
        user.emailVerifiedAt = DateTime.now()
        await user.useTransaction(trx).save()
      }
      return user
    })
  }
}
