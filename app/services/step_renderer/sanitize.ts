/**
 * Guards for the few places where escaping is not enough: a URL keeps its meaning once escaped
 * (`javascript:` stays executable in an href) and a colour lands inside a `<style>` block.
 * User content goes through these before reaching a template.
 */

const HEX_COLOR = /^#[0-9a-f]{6}$/i

/** A `#rrggbb` colour, else the fallback. */
export function safeColor(value: unknown, fallback: string): string {
  return typeof value === 'string' && HEX_COLOR.test(value) ? value.toLowerCase() : fallback
}

/** The text colour (white or near-black) that reads best on a `#rrggbb` background. */
export function contrastColor(background: string): string {
  const [r, g, b] = [1, 3, 5].map((start) => {
    const channel = Number.parseInt(background.slice(start, start + 2), 16) / 255
    return channel <= 0.03928 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4
  })
  const luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b
  /** Contrast ratio against white vs. against #111827 (luminance ≈ 0.0137). */
  const onWhite = 1.05 / (luminance + 0.05)
  const onDark = (luminance + 0.05) / (0.0137 + 0.05)
  return onWhite >= onDark ? '#ffffff' : '#111827'
}

function parse(value: unknown): URL | null {
  if (typeof value !== 'string' || value.trim() === '') return null
  try {
    return new URL(value.trim())
  } catch {
    return null
  }
}

/** An https URL for an image or a video file (anything else would be blocked as mixed content). */
export function safeMediaUrl(value: unknown): string | null {
  const url = parse(value)
  return url && url.protocol === 'https:' ? url.href : null
}

/** A link a visitor may follow: http(s), mailto: or tel:, or a same-site path. */
export function safeLinkUrl(value: unknown): string | null {
  if (typeof value === 'string' && /^\/(?!\/)/.test(value.trim())) return value.trim()
  const url = parse(value)
  return url && ['https:', 'http:', 'mailto:', 'tel:'].includes(url.protocol) ? url.href : null
}
