import mail from '@adonisjs/mail/services/main'
import AccountMail, { type AccountMailKind } from '#mails/account_mail'
import { brandForMail } from '#services/agency_brand'
import { appUrl } from '#config/app'

/**
 * Queues an account e-mail (never sent inside the request: the `mail` queue's worker sends it,
 * with retries). Call it after the transaction that created the link has committed.
 *
 * The e-mail wears the brand of the agency it is about (`agencyId`, e.g. an invitation) or of
 * the recipient's agency: a white-labelled agency's clients never read the product's name. When
 * that agency serves the admin on its own verified domain, the link points there too.
 */
export default class SendAccountMail {
  static async handle(params: {
    kind: AccountMailKind
    to: string
    locale: string | null | undefined
    url?: string
    vars?: Record<string, string | number>
    agencyId?: number | null
  }) {
    const { agencyId, ...rest } = params
    const { agency, brand } = await brandForMail({ agencyId, email: params.to })
    const url =
      rest.url && agency?.adminDomain && agency.adminDomainVerifiedAt
        ? onAdminDomain(rest.url, agency.adminDomain)
        : rest.url
    await mail.sendLater(new AccountMail({ ...rest, url, brand }))
  }
}

/** The same link on the agency's admin domain (scheme and port of APP_URL kept). */
function onAdminDomain(link: string, domain: string) {
  const base = new URL(appUrl)
  const url = new URL(link)
  if (url.origin !== base.origin) return link
  url.hostname = domain
  return url.href
}
