import User from '#models/user'
import SendAccountMail from '#actions/accounts/send_account_mail'
import { TOKEN_TTL, adminLink, issueAccountToken } from '#actions/accounts/account_tokens'

/**
 * "Esqueci minha senha": an active account gets a single-use link valid for an hour. Unknown or
 * deactivated addresses get nothing, and the caller answers the same either way.
 */
export default class RequestPasswordReset {
  static async handle({ email }: { email: string }) {
    const user = await User.byEmail(email).first()
    if (!user || !user.isActive) return false
    const token = await issueAccountToken({ user, purpose: 'password_reset' })
    await SendAccountMail.handle({
      kind: 'password_reset',
      to: user.email,
      locale: user.locale,
      url: adminLink(`/reset-password/${token}`),
      vars: { email: user.email, minutes: TOKEN_TTL.password_reset.hours! * 60 },
    })
    return true
  }
}
