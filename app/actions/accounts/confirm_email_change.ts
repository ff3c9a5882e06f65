import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import User from '#models/user'
import SendAccountMail from '#actions/accounts/send_account_mail'
import { consumeAccountToken } from '#actions/accounts/account_tokens'

/**
 * The new address clicked its link: it becomes the login (and is verified), and the old
 * address is told. Null when the link is unusable or the address was taken in the meantime.
 */
export default class ConfirmEmailChange {
  static async handle({ token }: { token: string }) {
    const result = await db.transaction(async (trx) => {
      const row = await consumeAccountToken(token, 'email_change', trx)
      if (!row?.email) return null
      const user = await User.query({ client: trx }).where('id', row.userId).forUpdate().first()
      if (!user || !user.isActive) return null
      const taken = await User.byEmail(row.email, { client: trx }).whereNot('id', user.id).first()
      if (taken) return null
      const previous = user.email
      user.email = row.email
      user.emailVerifiedAt = DateTime.now()
      await user.useTransaction(trx).save()
      return { user, previous }
    })
    if (!result) return null
    await SendAccountMail.handle({
      kind: 'email_changed',
      to: result.previous,
      locale: result.user.locale,
      vars: { email: result.user.email },
    })
    return result.user
  }
}
