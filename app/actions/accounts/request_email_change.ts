import hash from '@adonisjs/core/services/hash'
import User from '#models/user'
import SendAccountMail from '#actions/accounts/send_account_mail'
import { TOKEN_TTL, adminLink, issueAccountToken } from '#actions/accounts/account_tokens'
import { DomainError } from '#exceptions/domain_error'

/**
 * Starts an e-mail change: the current password is required, and the new address must click a
 * link before it replaces the old one. An address that belongs to another account gets no
 * e-mail and the same answer, so the form cannot be used to find out who has an account.
 */
export default class RequestEmailChange {
  static async handle(params: { user: User; email: string; currentPassword: string }) {
    const { user, currentPassword } = params
    const email = params.email.trim().toLowerCase()
    if (!(await hash.verify(user.password, currentPassword))) {
      throw new DomainError(422, 'current_password', 'accounts.wrong_password', 'currentPassword')
    }
    if (email === user.email) {
      throw new DomainError(422, 'same_email', 'accounts.same_email', 'email')
    }
    const taken = await User.byEmail(email).first()
    if (taken) return false
    const token = await issueAccountToken({ user, purpose: 'email_change', email })
    await SendAccountMail.handle({
      kind: 'email_change',
      to: email,
      locale: user.locale,
      url: adminLink(`/profile/email/${token}`),
      vars: { name: user.name, email, hours: TOKEN_TTL.email_change.hours! },
    })
    return true
  }
}
