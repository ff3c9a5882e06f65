import type User from '#models/user'
import SendAccountMail from '#actions/accounts/send_account_mail'
import { TOKEN_TTL, adminLink, issueAccountToken } from '#actions/accounts/account_tokens'

/** A new verification link for a signed-in, still unverified user (older links stop working). */
export default class ResendVerification {
  static async handle({ user }: { user: User }) {
    if (user.emailVerifiedAt) return false
    const token = await issueAccountToken({
      user,
      purpose: 'email_verification',
      email: user.email,
    })
    const membership = await user.related('agencyMemberships').query().preload('agency').first()
    await SendAccountMail.handle({
      kind: 'verify_email',
      to: user.email,
      locale: user.locale,
      url: adminLink(`/verify-email/${token}`),
      vars: {
        name: user.name,
        agency: membership?.agency.name ?? 'Funil Digital',
        hours: TOKEN_TTL.email_verification.hours!,
      },
    })
    return true
  }
}
