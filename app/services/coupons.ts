import { DateTime } from 'luxon'
import type { PaymentItem } from '#models/payment'

/** What the discount of a coupon depends on (a model fits, and so does a plain object in tests). */
export interface CouponTerms {
  discountType: 'percent' | 'fixed' | string
  percentOff: number | null
  amountOffCents: number | null
  minOrderCents: number | null
  expiresAt: DateTime | null
  isActive: boolean
  maxUses: number | null
  usesCount: number
}

/** Why a coupon does not apply; each is a pt-BR/en message `coupons.refused.<reason>`. */
export type CouponRefusal =
  | 'unknown'
  | 'inactive'
  | 'expired'
  | 'exhausted'
  | 'per_buyer'
  | 'minimum'
  | 'funnel'
  | 'exceeds_total'

/** What a buyer types, as stored: trimmed, upper-case (`black10` and `BLACK10` are one code). */
export function normalizeCouponCode(code: string) {
  return code.trim().toUpperCase()
}

/** Codes are 3–40 letters, digits, `-` or `_` (the database checks the same). */
export const COUPON_CODE = /^[A-Z0-9_-]{3,40}$/

/**
 * The discount of a coupon on a subtotal, in cents. A percentage is rounded half up to the
 * cent (15 % of R$ 197,95 = 2 969,25 → R$ 29,69; of R$ 0,50 = 7,5 → R$ 0,08): the buyer sees
 * the same figure on the checkout, the PIX and the receipt because only integers travel.
 */
export function couponDiscountCents(
  coupon: Pick<CouponTerms, 'discountType' | 'percentOff' | 'amountOffCents'>,
  subtotalCents: number
) {
  if (!Number.isSafeInteger(subtotalCents) || subtotalCents < 0) {
    throw new TypeError(`Not a subtotal in cents: ${subtotalCents}`)
  }
  if (coupon.discountType === 'percent') {
    const percent = coupon.percentOff ?? 0
    return Math.floor((subtotalCents * percent + 50) / 100)
  }
  return coupon.amountOffCents ?? 0
}

/**
 * Whether a coupon applies to a subtotal, and its discount. Checked here: active, expiry,
 * minimum order, total uses (as last read: the reservation re-checks atomically), and a total
 * that stays positive — a fixed discount equal to or above the order is refused, never a free
 * or negative charge. Funnels and the per-buyer limit need queries: see CheckoutPricing.
 */
export function evaluateCoupon(
  coupon: CouponTerms,
  subtotalCents: number,
  now: DateTime = DateTime.now()
): { ok: true; discountCents: number; totalCents: number } | { ok: false; reason: CouponRefusal } {
  if (!coupon.isActive) return { ok: false, reason: 'inactive' }
  if (coupon.expiresAt && coupon.expiresAt <= now) return { ok: false, reason: 'expired' }
  if (coupon.maxUses !== null && coupon.usesCount >= coupon.maxUses) {
    return { ok: false, reason: 'exhausted' }
  }
  if (coupon.minOrderCents !== null && subtotalCents < coupon.minOrderCents) {
    return { ok: false, reason: 'minimum' }
  }
  const discountCents = couponDiscountCents(coupon, subtotalCents)
  const totalCents = subtotalCents - discountCents
  if (discountCents <= 0 || totalCents <= 0) return { ok: false, reason: 'exceeds_total' }
  return { ok: true, discountCents, totalCents }
}

/**
 * The lines as the gateway is told them: the discount spread over the lines in proportion to
 * their value (largest remainder, so the lines add up to the charged total to the cent). The
 * payment keeps its lines at list price; only the charge request carries these.
 */
export function discountedItems(items: PaymentItem[], discountCents: number): PaymentItem[] {
  if (discountCents <= 0) return items
  const totals = items.map((item) => item.priceCents * item.quantity)
  const subtotal = totals.reduce((sum, value) => sum + value, 0)
  const shares = totals.map((value) => Math.floor((value * discountCents) / subtotal))
  let left = discountCents - shares.reduce((sum, value) => sum + value, 0)
  const order = totals
    .map((value, index) => ({ index, remainder: (value * discountCents) % subtotal }))
    .sort((a, b) => b.remainder - a.remainder)
  for (const { index } of order) {
    if (left === 0) break
    if (totals[index] - shares[index] > 1) {
      shares[index] += 1
      left -= 1
    }
  }
  /** Too few cents left for every line to keep one (a near-total discount): one line for all. */
  if (left > 0) {
    const name = items
      .map((item) => item.name)
      .join(' + ')
      .slice(0, 255)
    return [{ kind: 'product', name, priceCents: subtotal - discountCents, quantity: 1 }]
  }
  return items.map((item, index) => {
    const lineTotal = totals[index] - shares[index]
    return lineTotal % item.quantity === 0
      ? { ...item, priceCents: lineTotal / item.quantity }
      : { ...item, priceCents: lineTotal, quantity: 1 }
  })
}
