import { BaseMail } from '@adonisjs/mail'
import env from '#start/env'
import type { ComposedBuyerEmail } from '#actions/buyer_emails/compose_buyer_email'

/** The content id of the PIX QR image inside the HTML (`<img src="cid:pix-qr">`). */
export const QR_CID = 'pix-qr'

/**
 * One e-mail to a buyer (PIX generated, payment approved, PIX expired), in the workspace's
 * brand: its name as the sender name (the address stays the platform's, which the SMTP relay
 * is allowed to send for), its reply-to and colour. Sent from the worker (send_buyer_email)
 * with `mail.send`, so the QR image travels as a real inline attachment, never through Redis.
 */
export default class BuyerMail extends BaseMail {
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
      .htmlView('emails/buyer_html', { ...data, qrPng: null, qrCid: data.qrPng ? QR_CID : null })
      .textView('emails/buyer_text', { ...data, qrPng: null })
    if (data.qrPng) {
      this.message.embedData(data.qrPng, QR_CID, {
        filename: 'pix-qrcode.png',
        contentType: 'image/png',
      })
    }
  }
}
