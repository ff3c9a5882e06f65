import hash from '@adonisjs/core/services/hash'
import db from '@adonisjs/lucid/services/db'
import Agency from '#models/agency'
import User from '#models/user'
import CreateWorkspace from '#actions/workspaces/create_workspace'
import SendAccountMail from '#actions/accounts/send_account_mail'
import { TOKEN_TTL, adminLink, issueAccountToken } from '#actions/accounts/account_tokens'
import { freeAgencySlug } from '#actions/accounts/agency_slug'

export interface SignUpData {
  name: string
  email: string
  password: string
  agencyName: string
  workspaceName: string
  workspaceSlug: string
}

/**
 * Sign-up of a new agency: owner account (e-mail not yet verified), agency, first workspace and
 * a verification link by e-mail. An address that already has an account gets the same answer
 * (no enumeration) and, instead of a new account, an e-mail telling its owner someone tried;
 * the password is hashed either way so both paths take about as long.
 */
export default class SignUpAgency {
  static async handle({ data, locale }: { data: SignUpData; locale: string }) {
    const email = data.email.trim().toLowerCase()
    const existing = await User.byEmail(email).first()
    if (existing) {
      await hash.make(data.password)
      await this.#warnExisting(existing)
      return { created: false as const }
    }

    let result
    try {
      result = await db.transaction(async (trx) => {
        const user = await User.create(
          { name: data.name, email, password: data.password, locale, emailVerifiedAt: null },
          { client: trx }
        )
        const agency = await Agency.create(
          { name: data.agencyName, slug: await freeAgencySlug(data.agencyName) },
          { client: trx }
        )
        await agency.related('members').create({ userId: user.id, role: 'owner' }, { client: trx })
        const workspace = await CreateWorkspace.handle({
          agency,
          data: { name: data.workspaceName, slug: data.workspaceSlug },
          trx,
        })
        const token = await issueAccountToken({ user, purpose: 'email_verification', email, trx })
        return { user, agency, workspace, token }
      })
    } catch (error) {
      /** Two sign-ups of one address at once: the loser is told nothing more than the winner. */
      if ((error as { constraint?: string }).constraint === 'users_email_lower_unique') {
        return { created: false as const }
      }
      throw error
    }

    await SendAccountMail.handle({
      kind: 'verify_email',
      to: email,
      locale,
      url: adminLink(`/verify-email/${result.token}`),
      vars: {
        name: data.name,
        agency: data.agencyName,
        hours: TOKEN_TTL.email_verification.hours!,
      },
    })
    return { created: true as const, user: result.user, workspace: result.workspace }
  }

  static async #warnExisting(user: User) {
    await SendAccountMail.handle({
      kind: 'signup_attempt',
      to: user.email,
      locale: user.locale,
      url: adminLink('/forgot-password'),
      vars: { email: user.email },
    })
  }
}
