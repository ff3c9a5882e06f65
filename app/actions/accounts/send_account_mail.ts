import mail from '@adonisjs/mail/services/main'
import AccountMail, { type AccountMailKind } from '#mails/account_mail'

/**
 * Queues an account e-mail (never sent inside the request: the `mail` queue's worker sends it,
 * with retries). Call it after the transaction that created the link has committed.
 */
export default class SendAccountMail {
  static async handle(params: {
    kind: AccountMailKind
    to: string
    locale: string | null | undefined
    url?: string
    vars?: Record<string, string | number>
  }) {
    await mail.sendLater(new AccountMail(params))
  }
}
