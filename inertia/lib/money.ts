/**
 * Money in the admin: integer cents shown the Brazilian way, the same rules as the server's
 * app/services/money.ts (kept separate so the client bundle does not pull server code in).
 */

const MAX_DIGITS = 11

/** `123456` → `1.234,56` (no currency symbol: what a price input shows). */
export function formatCents(cents: number): string {
  const sign = cents < 0 ? '-' : ''
  const absolute = Math.abs(Math.trunc(cents))
  const reais = Math.floor(absolute / 100)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, '.')
  return `${sign}${reais},${(absolute % 100).toString().padStart(2, '0')}`
}

/** `19700` → `R$ 197,00`. */
export function formatBRL(cents: number): string {
  const text = formatCents(cents)
  return text.startsWith('-') ? `-R$ ${text.slice(1)}` : `R$ ${text}`
}

/**
 * What a price input holds after a keystroke, as cents: its digits read right to left, the way
 * Brazilian payment apps fill a value (typing 1, 9, 7, 0, 0 shows 1,00… then 197,00).
 */
export function centsFromTyping(text: string): number {
  const digits = text.replace(/\D/g, '').replace(/^0+/, '').slice(0, MAX_DIGITS)
  return digits === '' ? 0 : Number(digits)
}

/** `'1.234,56'` → `123456`; anything that is not a well-formed amount is `null`. */
export function parseBRL(input: string): number | null {
  const text = input.replace(/\u00a0/g, ' ').trim()
  const match = /^(-)?\s*(?:R\$\s*)?(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d{1,2}))?$/.exec(text)
  if (!match) return null
  const [, minus, whole, fraction = ''] = match
  const cents = Number(whole.replaceAll('.', '')) * 100 + Number(fraction.padEnd(2, '0'))
  if (!Number.isSafeInteger(cents)) return null
  return minus && cents !== 0 ? -cents : cents
}
