import { consentSettings } from '#services/buyer_journey'
import { safeColor, safeMediaUrl } from '#services/step_renderer/sanitize'

/**
 * The fonts a funnel page may use: system-safe stacks (every visitor already has one of them,
 * nothing is fetched from a font CDN, no layout shift), each ending in a generic family.
 */
export const BRAND_FONTS = [
  {
    key: 'system',
    label: 'Sistema (padrão)',
    stack: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
  },
  {
    key: 'humanist',
    label: 'Humanista',
    stack: 'Seravek, "Gill Sans Nova", Ubuntu, Calibri, "DejaVu Sans", source-sans-pro, sans-serif',
  },
  {
    key: 'geometric',
    label: 'Geométrica',
    stack: 'Avenir, Montserrat, Corbel, "URW Gothic", source-sans-pro, sans-serif',
  },
  {
    key: 'rounded',
    label: 'Arredondada',
    stack:
      'ui-rounded, "Hiragino Maru Gothic ProN", Quicksand, Comfortaa, Manjari, "Arial Rounded MT", Calibri, source-sans-pro, sans-serif',
  },
  {
    key: 'serif',
    label: 'Serifada',
    stack: 'Charter, "Bitstream Charter", "Sitka Text", Cambria, Georgia, serif',
  },
  {
    key: 'slab',
    label: 'Serifa grossa',
    stack: 'Rockwell, "Rockwell Nova", "Roboto Slab", "DejaVu Serif", "Sitka Small", serif',
  },
] as const

export type BrandFontKey = (typeof BRAND_FONTS)[number]['key']

/** What a workspace stores under `settings.brand` (every field optional). */
export interface WorkspaceBrandSettings {
  logoUrl: string | null
  primaryColor: string | null
  backgroundColor: string | null
  font: BrandFontKey
}

/** The stored brand of a workspace, read defensively (old or hand-edited JSON never breaks a page). */
export function workspaceBrandSettings(workspace: {
  settings?: Record<string, unknown> | null
}): WorkspaceBrandSettings {
  const raw = (workspace.settings?.brand ?? {}) as Record<string, unknown>
  const font = BRAND_FONTS.find((item) => item.key === raw.font)?.key ?? 'system'
  const logo = safeMediaUrl(raw.logoUrl)
  return {
    logoUrl: logo && logo.length <= 2000 ? logo : null,
    primaryColor: safeColor(raw.primaryColor, '') || null,
    backgroundColor: safeColor(raw.backgroundColor, '') || null,
    font,
  }
}

/** The font stack of a key (a fixed string from the list above: safe inside a <style>). */
export function fontStack(key: BrandFontKey) {
  return (BRAND_FONTS.find((item) => item.key === key) ?? BRAND_FONTS[0]).stack
}

/**
 * What every funnel page (capture, VSL, checkout, upsell, thank-you) draws of the workspace's
 * brand: the logo at the top, the font, and a footer naming the seller (name, CNPJ) with the
 * terms and privacy links. Colours are applied by the renderer as the default under a step's
 * or funnel's own choice.
 */
export function workspaceBrand(workspace: { settings?: Record<string, unknown> | null }) {
  const settings = workspaceBrandSettings(workspace)
  const consent = consentSettings(workspace)
  return {
    ...settings,
    fontStack: fontStack(settings.font),
    sellerName: consent.sellerName,
    sellerDocument: consent.sellerDocument,
    termsUrl: consent.termsUrl,
    privacyUrl: consent.privacyUrl,
  }
}

/** The settings page's props of the workspace brand. */
export function workspaceBrandProps(workspace: { settings?: Record<string, unknown> | null }) {
  const consent = consentSettings(workspace)
  return {
    brand: workspaceBrandSettings(workspace),
    consent,
    fonts: BRAND_FONTS.map(({ key, label, stack }) => ({ key, label, stack })),
  }
}
