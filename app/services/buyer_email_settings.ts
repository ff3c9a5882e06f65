import { t, type Locale } from '#services/i18n'
import { safeColor } from '#services/step_renderer/sanitize'

/** The e-mails a buyer receives about a payment, each once per payment. */
export const BUYER_EMAIL_KINDS = ['pix_generated', 'payment_approved', 'pix_expired'] as const
export type BuyerEmailKind = (typeof BUYER_EMAIL_KINDS)[number]

/** Which payment status is the fact of each e-mail. */
export const BUYER_EMAIL_OF_STATUS: Partial<Record<string, BuyerEmailKind>> = {
  pending: 'pix_generated',
  paid: 'payment_approved',
  expired: 'pix_expired',
}

export const DEFAULT_BRAND_COLOR = '#047857'

export interface BuyerEmailTexts {
  subject: string | null
  intro: string | null
}

/** What a workspace stores under `settings.buyerEmails` (every field optional). */
export interface BuyerEmailSettings {
  enabled: boolean
  senderName: string | null
  replyTo: string | null
  brandColor: string | null
  /** An https image shown at the top of the HTML e-mails (null: the name as a text header). */
  logoUrl: string | null
  texts: Record<BuyerEmailKind, BuyerEmailTexts>
}

function text(value: unknown, max: number) {
  return typeof value === 'string' && value.trim() ? value.trim().slice(0, max) : null
}

/**
 * The logo as stored, only when it is still an https URL of at most 2,000 characters: the
 * validator enforces it on save, this guards JSON written before or by hand (an `http:` image
 * is blocked as mixed content by webmail, a `javascript:` one must never reach an `src`).
 */
function safeLogoUrl(value: unknown) {
  const url = text(value, 2001)
  if (!url || url.length > 2000 || !/^https:\/\/[^\s"'<>]+$/i.test(url)) return null
  return url
}

/** The stored settings read defensively (an old or hand-edited JSON never breaks a send). */
export function buyerEmailSettings(workspace: {
  settings?: Record<string, unknown> | null
}): BuyerEmailSettings {
  const raw = (workspace.settings?.buyerEmails ?? {}) as Record<string, any>
  const texts = {} as Record<BuyerEmailKind, BuyerEmailTexts>
  for (const kind of BUYER_EMAIL_KINDS) {
    const stored = (raw.texts?.[kind] ?? {}) as Record<string, unknown>
    texts[kind] = { subject: text(stored.subject, 200), intro: text(stored.intro, 2000) }
  }
  return {
    enabled: raw.enabled !== false,
    senderName: text(raw.senderName, 100),
    replyTo: text(raw.replyTo, 255),
    brandColor: raw.brandColor ? safeColor(raw.brandColor, DEFAULT_BRAND_COLOR) : null,
    logoUrl: safeLogoUrl(raw.logoUrl),
    texts,
  }
}

/**
 * The subject and intro of one e-mail: the workspace's own text when set, else the default of
 * the page language; `{loja}`, `{valor}`, `{pedido}` and `{nome}` are replaced in both.
 */
export function buyerEmailTexts(
  settings: BuyerEmailSettings,
  kind: BuyerEmailKind,
  locale: Locale,
  vars: Record<string, string | number>
) {
  const fill = (template: string) =>
    template.replace(/\{(\w+)\}/g, (whole, name) =>
      vars[name] !== undefined ? String(vars[name]) : whole
    )
  const own = settings.texts[kind]
  return {
    subject: fill(own.subject ?? t(locale, `buyer_emails.${kind}.subject`)),
    intro: fill(own.intro ?? t(locale, `buyer_emails.${kind}.intro`)),
  }
}
