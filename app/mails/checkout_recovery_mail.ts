import { BaseMail } from '@adonisjs/mail'
import env from '#start/env'
import type { ComposedBuyerEmail } from '#actions/buyer_emails/compose_buyer_email'

/**
 * "Você esqueceu algo": the recovery e-mail of an abandoned checkout, in the workspace's brand,
 * with the one-click link back to the checkout pre-filled. Queued (mail.sendLater): it carries
 * no attachment, only texts and the link.
 */
export default class CheckoutRecoveryMail extends BaseMail {
  constructor(private composed: ComposedBuyerEmail) {
    super()
  }

  prepare() {
    const data = this.composed
    this.message.from(env.get('MAIL_FROM_ADDRESS', 'nao-responda@funil.local'), data.fromName)
    if (data.replyTo) this.message.replyTo(data.replyTo, data.fromName)
    this.message
      .to(data.to)
      .subject(data.subject)
      .htmlView('emails/buyer_html', { ...data, qrPng: null, qrCid: null })
      .textView('emails/buyer_text', { ...data, qrPng: null })
  }
}
