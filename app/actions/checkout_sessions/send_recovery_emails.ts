import logger from '@adonisjs/core/services/logger'
import mail from '@adonisjs/mail/services/main'
import type Workspace from '#models/workspace'
import CheckoutRecoveryMail from '#mails/checkout_recovery_mail'
import { t } from '#services/i18n'
import { pageLocale } from '#services/step_renderer'
import { formatBRL } from '#services/money'
import { DEFAULT_BRAND_COLOR, buyerEmailSettings } from '#services/buyer_email_settings'
import { recoverySettings } from '#services/buyer_journey'
import {
  recoveryUrl,
  type CheckoutSessionRow,
} from '#actions/checkout_sessions/checkout_session_events'
import { workspaceTable } from '#services/tenancy'

/**
 * The optional recovery e-mail of a checkout that just became abandoned (workspace setting
 * `recovery.emailEnabled`, off by default): claimed with a conditional UPDATE of
 * `recovery_email_at`, so a session gets it once whatever the sweeps, then queued on the
 * `mail` queue with the one-click recovery link.
 */
export default class SendRecoveryEmail {
  static async handle(workspace: Workspace, session: CheckoutSessionRow) {
    if (!recoverySettings(workspace).emailEnabled || !session.email) return false
    const settings = buyerEmailSettings(workspace)
    if (!settings.enabled) return false
    const claimed = await workspaceTable(workspace, 'checkout_sessions')
      .where('id', session.id)
      .whereNull('recovery_email_at')
      .update({ recovery_email_at: new Date() })
    if (!Number(claimed)) return false
    try {
      const url = await recoveryUrl(workspace, session)
      if (!url) return false
      const locale = pageLocale(workspace)
      const brandName = settings.senderName ?? workspace.name
      const firstName = (session.name ?? '').split(/\s+/)[0] ?? ''
      const text = (key: string) =>
        t(locale, `buyer_emails.checkout_recovery.${key}`).replace(/\{(\w+)\}/g, (whole, name) =>
          name === 'loja' ? brandName : name === 'nome' ? firstName : whole
        )
      await mail.sendLater(
        new CheckoutRecoveryMail({
          kind: 'pix_generated',
          to: session.email,
          locale,
          fromName: brandName,
          replyTo: settings.replyTo,
          subject: text('subject'),
          brandColor: settings.brandColor ?? DEFAULT_BRAND_COLOR,
          brandName,
          logoUrl: settings.logoUrl,
          heading: text('heading'),
          intro: text('intro'),
          orderNumber: '',
          amount: session.amount_cents ? formatBRL(session.amount_cents) : '',
          items: [],
          pix: null,
          qrPng: null,
          access: null,
          action: { url, label: text('action') },
          labels: {
            order: '',
            total: t(locale, 'buyer_emails.labels.total'),
            items: '',
            pixCode: '',
            expires: '',
            qrAlt: '',
            access: '',
            linkHint: t(locale, 'buyer_emails.labels.link_hint'),
          },
          footer: t(locale, 'buyer_emails.footer', { loja: brandName, email: session.email }),
        })
      )
      return true
    } catch (error) {
      logger.error({ err: error, sessionId: session.id }, 'recovery e-mail not queued')
      return false
    }
  }
}
