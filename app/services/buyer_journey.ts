import { buyerEmailSettings } from '#services/buyer_email_settings'

export const DEFAULT_ABANDON_AFTER_MINUTES = 30

function text(value: unknown, max: number) {
  return typeof value === 'string' && value.trim() ? value.trim().slice(0, max) : null
}

/** What the capture and checkout pages show for LGPD consent (`settings.consent`). */
export function consentSettings(workspace: { settings?: Record<string, unknown> | null }) {
  const raw = (workspace.settings?.consent ?? {}) as Record<string, unknown>
  const url = (value: unknown) => {
    const found = text(value, 500)
    return found && /^https?:\/\//i.test(found) ? found : null
  }
  return {
    termsUrl: url(raw.termsUrl),
    privacyUrl: url(raw.privacyUrl),
    sellerName: text(raw.sellerName, 150),
    sellerDocument: text(raw.sellerDocument, 20),
  }
}

/**
 * The consent shown on capture and checkout forms, and recorded with what the buyer submits:
 * null when the workspace set neither link (nothing to agree to).
 */
export function consentNotice(workspace: { settings?: Record<string, unknown> | null }) {
  const consent = consentSettings(workspace)
  if (!consent.termsUrl && !consent.privacyUrl) return null
  const seller = [
    consent.sellerName,
    consent.sellerDocument ? `CNPJ ${consent.sellerDocument}` : null,
  ]
    .filter(Boolean)
    .join(' · ')
  return { ...consent, seller: seller || null }
}

/** When an unpaid checkout session counts as abandoned, and whether it gets a recovery e-mail. */
export function recoverySettings(workspace: { settings?: Record<string, unknown> | null }) {
  const raw = (workspace.settings?.recovery ?? {}) as Record<string, unknown>
  const minutes = Number(raw.abandonAfterMinutes)
  return {
    abandonAfterMinutes:
      Number.isInteger(minutes) && minutes >= 5 && minutes <= 1440
        ? minutes
        : DEFAULT_ABANDON_AFTER_MINUTES,
    emailEnabled: raw.emailEnabled === true,
  }
}

/** The settings page's props of the buyer's journey. */
export function buyerJourneySettings(workspace: { settings?: Record<string, unknown> | null }) {
  return {
    buyerEmails: buyerEmailSettings(workspace),
    consent: consentSettings(workspace),
    recovery: recoverySettings(workspace),
  }
}
