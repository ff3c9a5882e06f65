/**
 * Money in the admin: integer cents shown the Brazilian way, the same rules as the server's
 * app/services/money.ts (kept separate so the client bundle does not pull server code in).
 */

/** The largest price an input accepts: R$ 999.999.999,99. */
export const MAX_PRICE_CENTS = 99_999_999_999

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

/**
 * What a price input holds, read the way people in Brazil type reais: `67` → 6700,
 * `67,9` / `67,90` → 6790, `1.234,56` → 123456, `1.234` → 123400 (a dot before three digits
 * groups thousands), `67.90` → 6790 (a dot before one or two digits is the decimal point),
 * `R$ 67,00` too. Anything else (two commas, letters, negative) is `null`.
 */
export function parseMoneyInput(input: string): number | null {
  const text = input
    .replace(/\u00a0/g, ' ')
    .trim()
    .replace(/^R\$\s*/i, '')
  let reais: string
  let fraction = ''
  if (text.includes(',')) {
    const parts = text.split(',')
    if (parts.length !== 2) return null
    ;[reais, fraction] = parts
    if (!/^\d{0,2}$/.test(fraction)) return null
    if (reais === '' && fraction === '') return null
    if (reais !== '' && !/^(\d+|\d{1,3}(\.\d{3})+)$/.test(reais)) return null
  } else if (/^\d{1,3}(\.\d{3})+$/.test(text)) {
    reais = text
  } else if (/^\d+\.\d{1,2}$/.test(text)) {
    ;[reais, fraction] = text.split('.')
  } else if (/^\d+$/.test(text)) {
    reais = text
  } else {
    return null
  }
  const cents = Number((reais || '0').replaceAll('.', '')) * 100 + Number(fraction.padEnd(2, '0'))
  return Number.isSafeInteger(cents) && cents <= MAX_PRICE_CENTS ? cents : null
}

/** Above this a new price asks for confirmation: R$ 10.000,00. */
export const PRICE_CONFIRMATION_ABOVE_CENTS = 1_000_000

/**
 * Whether a price change deserves a second look before it is saved: 10× or more up or down
 * (a price typed in cents where reais were meant, or the other way round) or above
 * R$ 10.000,00. A first price (from zero) is only checked against the ceiling.
 */
export function priceChangeWarning(
  before: number,
  after: number
): 'above_limit' | 'ten_times_more' | 'ten_times_less' | null {
  if (after === before) return null
  if (after > PRICE_CONFIRMATION_ABOVE_CENTS) return 'above_limit'
  if (before > 0 && after >= before * 10) return 'ten_times_more'
  if (before > 0 && after * 10 <= before) return 'ten_times_less'
  return null
}
