import { BaseMail } from '@adonisjs/mail'
import { t, isLocale, DEFAULT_LOCALE, type Locale } from '#services/i18n'

/**
 * "Gateway de pagamento com falhas": sent once per move of a workspace's payment gateway
 * credential to unhealthy, to the agency's owners and admins, in each one's language. Same
 * layout as the account e-mails (emails/message_{html,text}).
 */
export default class GatewayUnhealthyMail extends BaseMail {
  constructor(
    private params: {
      to: string
      locale: string | null | undefined
      workspace: string
      credential: string
      health: string
      error: string | null
      url: string
    }
  ) {
    super()
  }

  get locale(): Locale {
    return isLocale(this.params.locale) ? this.params.locale : DEFAULT_LOCALE
  }

  prepare() {
    const { to, url, workspace, credential, health, error } = this.params
    const locale = this.locale
    const vars = { workspace, credential, error: error ?? '-' }
    const text = (key: string) => t(locale, `mail.gateway_unhealthy.${key}`, vars)
    const subject = text('subject')
    const paragraphs = [
      text('p1'),
      t(locale, `gateway_health.${health}`),
      ...(error ? [text('p_error')] : []),
    ]
    const data = {
      locale,
      subject,
      preheader: paragraphs[0],
      heading: text('heading'),
      paragraphs,
      action: { url, label: text('action') },
      linkHint: t(locale, 'mail.link_hint'),
      note: text('note'),
      /** To the agency's own owners and admins: the product's name is theirs to see. */
      footer: t(locale, 'mail.footer', { email: to, app: 'Funil Digital' }),
    }
    this.message
      .to(to)
      .subject(subject)
      .htmlView('emails/message_html', data)
      .textView('emails/message_text', data)
  }
}
