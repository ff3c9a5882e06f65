import QRCode from 'qrcode'
import type Workspace from '#models/workspace'
import type Payment from '#models/payment'
import FunnelStep from '#models/funnel_step'
import PaymentNextStep from '#actions/payments/payment_next_step'
import { publicSiteUrl } from '#services/public_url'
import { formatBRL } from '#services/money'
import { t } from '#services/i18n'
import { pageLocale } from '#services/step_renderer'
import { workspaceBrandSettings } from '#services/workspace_brand'
import {
  DEFAULT_BRAND_COLOR,
  buyerEmailSettings,
  buyerEmailTexts,
  type BuyerEmailKind,
} from '#services/buyer_email_settings'

/**
 * Where a workspace's pages answer, for e-mails and recovery links (no request: APP_URL's scheme
 * and port in development): public_url.ts, the one place public links are built.
 */
export function siteOrigin(workspace: Workspace) {
  return publicSiteUrl(workspace)
}

/** The order number shown to the buyer (thank-you page and e-mails). */
export function orderNumber(payment: Pick<Payment, 'id'>) {
  return `#${String(payment.id).padStart(6, '0')}`
}

/**
 * The access content of a paid order: the message and links of the funnel's thank-you step
 * (the first active one after the payment's step), which is what the buyer sees after paying.
 */
export async function accessContent(payment: Payment) {
  if (!payment.funnelId) return null
  const steps = await FunnelStep.forWorkspace(payment.workspaceId)
    .where('funnel_id', payment.funnelId)
    .where('step_type', 'thankyou')
    .where('is_active', true)
    .orderBy('order_index')
  const step = steps[0]
  if (!step) return null
  const content = (step.content ?? {}) as { message?: unknown; links?: unknown }
  const links = (Array.isArray(content.links) ? content.links : [])
    .map((link: any) => ({ label: String(link?.label ?? ''), url: String(link?.url ?? '') }))
    .filter((link) => /^https?:\/\//i.test(link.url))
  return { message: typeof content.message === 'string' ? content.message : '', links }
}

export interface ComposedBuyerEmail {
  kind: BuyerEmailKind
  to: string
  locale: string
  fromName: string
  replyTo: string | null
  subject: string
  brandColor: string
  brandName: string
  /** The workspace's logo (https) above the e-mail, alt = brandName; null: the name as text. */
  logoUrl: string | null
  heading: string
  intro: string
  orderNumber: string
  amount: string
  items: Array<{ name: string; price: string }>
  pix: { code: string; expiresAt: string | null } | null
  /** The QR code of the PIX as a PNG, attached inline (cid) — mail clients block data URLs. */
  qrPng: Buffer | null
  access: { message: string; links: Array<{ label: string; url: string }> } | null
  action: { url: string; label: string } | null
  labels: Record<string, string>
  footer: string
}

/** Everything one buyer e-mail prints, in the workspace's page language and brand. */
export default class ComposeBuyerEmail {
  static async handle(params: {
    workspace: Workspace
    payment: Payment
    kind: BuyerEmailKind
    to: string
  }): Promise<ComposedBuyerEmail> {
    const { workspace, payment, kind, to } = params
    const locale = pageLocale(workspace)
    const settings = buyerEmailSettings(workspace)
    const brandName = settings.senderName ?? workspace.name
    const amount = formatBRL(payment.amountCents)
    const firstName = String(payment.customerData?.name ?? '').split(/\s+/)[0] ?? ''
    const order = orderNumber(payment)
    const { subject, intro } = buyerEmailTexts(settings, kind, locale, {
      loja: brandName,
      valor: amount,
      pedido: order,
      nome: firstName,
    })
    const origin = siteOrigin(workspace)
    const payUrl = `${origin}/_funil/pay/${payment.publicToken}`
    const label = (key: string) => t(locale, `buyer_emails.${key}`)

    let pix: ComposedBuyerEmail['pix'] = null
    let qrPng: Buffer | null = null
    let access: ComposedBuyerEmail['access'] = null
    let action: ComposedBuyerEmail['action'] = null
    if (kind === 'pix_generated' && payment.pixCode) {
      pix = {
        code: payment.pixCode,
        expiresAt: payment.expiresAt
          ? payment.expiresAt
              .setZone(workspace.timezone || 'America/Sao_Paulo')
              .toFormat('dd/MM/yyyy HH:mm')
          : null,
      }
      qrPng = await QRCode.toBuffer(payment.pixCode, { type: 'png', width: 240, margin: 1 })
      action = { url: payUrl, label: label('pix_generated.action') }
    } else if (kind === 'payment_approved') {
      access = await accessContent(payment)
    } else if (kind === 'pix_expired') {
      const next = await PaymentNextStep.handle(payment)
      /** "Gerar novo PIX": the checkout again, pre-filled from this payment (?retry=). */
      const url = next.checkoutUrl
        ? `${origin}${next.checkoutUrl}?retry=${payment.publicToken}`
        : payUrl
      action = { url, label: label('pix_expired.action') }
    }

    return {
      kind,
      to,
      locale,
      fromName: brandName,
      replyTo: settings.replyTo,
      subject,
      /** The workspace's page brand fills what the e-mail settings leave empty. */
      brandColor:
        settings.brandColor ??
        workspaceBrandSettings(workspace).primaryColor ??
        DEFAULT_BRAND_COLOR,
      brandName,
      logoUrl: settings.logoUrl ?? workspaceBrandSettings(workspace).logoUrl,
      heading: label(`${kind}.heading`),
      intro,
      orderNumber: order,
      amount,
      items: (payment.items ?? []).map((item) => ({
        name: item.name,
        price: formatBRL(item.priceCents * item.quantity),
      })),
      pix,
      qrPng,
      access,
      action,
      labels: {
        order: label('labels.order'),
        total: label('labels.total'),
        items: label('labels.items'),
        pixCode: label('labels.pix_code'),
        expires: label('labels.expires'),
        qrAlt: label('labels.qr_alt'),
        access: label('labels.access'),
        linkHint: label('labels.link_hint'),
      },
      footer: t(locale, 'buyer_emails.footer', { loja: brandName, email: to }),
    }
  }
}
