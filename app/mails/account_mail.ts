import { BaseMail } from '@adonisjs/mail'
import env from '#start/env'
import { appUrl } from '#config/app'
import { t, isLocale, DEFAULT_LOCALE, type Locale } from '#services/i18n'
import { DEFAULT_BRAND, type Brand } from '#services/agency_brand'

/** The account e-mails; each has `mail.<kind>.*` texts in resources/lang/<locale>/accounts.json. */
export type AccountMailKind =
  | 'verify_email'
  | 'signup_attempt'
  | 'password_reset'
  | 'email_change'
  | 'email_changed'
  | 'password_changed'
  | 'invitation'

/**
 * One account e-mail in the recipient's language: translated here (in the web process) so the
 * queued job carries finished texts, laid out by the emails/message_{html,text} templates.
 */
export default class AccountMail extends BaseMail {
  constructor(
    private params: {
      kind: AccountMailKind
      to: string
      locale: string | null | undefined
      /** The call-to-action link (verification, reset, invitation), when the e-mail has one. */
      url?: string
      vars?: Record<string, string | number>
      /**
       * Whose brand the e-mail wears (name in the texts, From name, header, colour): the
       * recipient's agency when white-labelled, else the product's.
       */
      brand?: Pick<
        Brand,
        'productName' | 'logoUrl' | 'primaryColor' | 'primaryForeground' | 'whiteLabel'
      >
    }
  ) {
    super()
  }

  get locale(): Locale {
    return isLocale(this.params.locale) ? this.params.locale : DEFAULT_LOCALE
  }

  prepare() {
    const { kind, to, url, vars = {} } = this.params
    const brand = this.params.brand ?? DEFAULT_BRAND
    const locale = this.locale
    const text = (suffix: string) => {
      const key = `mail.${kind}.${suffix}`
      const value = t(locale, key, { app: brand.productName, ...vars })
      return value === key ? null : value
    }
    const subject = text('subject') ?? brand.productName
    const paragraphs = ['p1', 'p2', 'p3', 'p4'].map(text).filter((p): p is string => !!p)
    const data = {
      locale,
      subject,
      preheader: text('preheader') ?? paragraphs[0] ?? '',
      heading: text('heading') ?? subject,
      paragraphs,
      action: url ? { url, label: text('action') ?? url } : null,
      linkHint: t(locale, 'mail.link_hint'),
      note: text('note'),
      footer: t(locale, 'mail.footer', { email: to, app: brand.productName }),
      brandName: brand.productName,
      /** Only an absolute https logo can be shown by a mail client (not the product's /brand path). */
      brandLogoUrl: /^https:\/\//.test(brand.logoUrl)
        ? brand.logoUrl
        : brand.logoUrl.startsWith('/brand-assets/')
          ? `${appUrl.replace(/\/$/, '')}${brand.logoUrl}`
          : null,
      brandColor: brand.primaryColor,
      /** The button's text: white or near-black, whichever reads on the brand colour. */
      brandForeground: brand.primaryForeground,
    }
    this.message
      .from(env.get('MAIL_FROM_ADDRESS', 'nao-responda@funil.local'), brand.productName)
      .to(to)
      .subject(subject)
      .htmlView('emails/message_html', data)
      .textView('emails/message_text', data)
  }
}
