/**
 * Money in integer cents, shown the Brazilian way (`R$ 1.234,56`). No floating point anywhere:
 * a price typed in reais is parsed digit by digit, totals are sums of integers.
 */

/** `19700` → `R$ 197,00`; `123456` → `R$ 1.234,56`; negatives keep the sign in front. */
export function formatBRL(cents: number): string {
  if (!Number.isSafeInteger(cents)) throw new TypeError(`Not an amount in cents: ${cents}`)
  const sign = cents < 0 ? '-' : ''
  const absolute = Math.abs(cents)
  const reais = Math.floor(absolute / 100)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, '.')
  const centavos = (absolute % 100).toString().padStart(2, '0')
  return `${sign}R$ ${reais},${centavos}`
}

/**
 * `'1.234,56'` → `123456`, `'R$ 97'` → `9700`, `'0,5'` → `50`. Dots group thousands (in threes),
 * the comma separates at most two decimals. Anything else is `null`, never a guess.
 */
export function parseBRL(input: string): number | null {
  const text = input.replace(/\u00a0/g, ' ').trim()
  const match = /^(-)?\s*(?:R\$\s*)?(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d{1,2}))?$/.exec(text)
  if (!match) return null
  const [, minus, whole, fraction = ''] = match
  const cents = Number(whole.replaceAll('.', '')) * 100 + Number(fraction.padEnd(2, '0'))
  if (!Number.isSafeInteger(cents)) return null
  return minus && cents !== 0 ? -cents : cents
}

/** Sum of amounts in cents (a checkout total: the price plus the chosen order bumps). */
export function sumCents(amounts: number[]): number {
  return amounts.reduce((total, amount) => {
    if (!Number.isSafeInteger(amount)) throw new TypeError(`Not an amount in cents: ${amount}`)
    return total + amount
  }, 0)
}
