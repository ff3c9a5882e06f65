import type Workspace from '#models/workspace'
import { buyerEmailSettings } from '#services/buyer_email_settings'

export const DEFAULT_ABANDON_AFTER_MINUTES = 30

function text(value: unknown, max: number) {
  return typeof value === 'string' && value.trim() ? value.trim().slice(0, max) : null
}

/** What the capture and checkout pages show for LGPD consent (`settings.consent`). */
export function consentSettings(workspace: Pick<Workspace, 'settings'>) {
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

/** When an unpaid checkout session counts as abandoned, and whether it gets a recovery e-mail. */
export function recoverySettings(workspace: Pick<Workspace, 'settings'>) {
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
export function buyerJourneySettings(workspace: Pick<Workspace, 'settings'>) {
  return {
    buyerEmails: buyerEmailSettings(workspace),
    consent: consentSettings(workspace),
    recovery: recoverySettings(workspace),
  }
}
