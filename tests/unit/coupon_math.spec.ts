import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import {
  couponDiscountCents,
  discountedItems,
  evaluateCoupon,
  normalizeCouponCode,
  type CouponTerms,
} from '#services/coupons'

const percent = (percentOff: number, more: Partial<CouponTerms> = {}): CouponTerms => ({
  discountType: 'percent',
  percentOff,
  amountOffCents: null,
  minOrderCents: null,
  expiresAt: null,
  isActive: true,
  maxUses: null,
  usesCount: 0,
  ...more,
})
const fixed = (amountOffCents: number, more: Partial<CouponTerms> = {}): CouponTerms => ({
  ...percent(0),
  discountType: 'fixed',
  percentOff: null,
  amountOffCents,
  ...more,
})

test.group('Coupons: maths', () => {
  test('a percentage is rounded half up to the cent, in integers', ({ assert }) => {
    /** 15 % of R$ 197,95 = 2 969,25 cents → 2 969. */
    assert.equal(couponDiscountCents(percent(15), 19795), 2969)
    /** 15 % of R$ 0,50 = 7,5 cents → 8 (half up). */
    assert.equal(couponDiscountCents(percent(15), 50), 8)
    /** 10 % of R$ 0,05 = 0,5 → 1; of R$ 0,04 = 0,4 → 0. */
    assert.equal(couponDiscountCents(percent(10), 5), 1)
    assert.equal(couponDiscountCents(percent(10), 4), 0)
    /** 33 % of R$ 197,00 + R$ 29,90 = 7 487,7 → 7 488. */
    assert.equal(couponDiscountCents(percent(33), 22690), 7488)
    /** 99 % of R$ 1 million stays exact (no float drift). */
    assert.equal(couponDiscountCents(percent(99), 100_000_000), 99_000_000)
  })

  test('a fixed amount is taken as is; a subtotal that is not whole cents is refused', ({
    assert,
  }) => {
    assert.equal(couponDiscountCents(fixed(2000), 19700), 2000)
    assert.throws(() => couponDiscountCents(fixed(2000), 197.5))
    assert.throws(() => couponDiscountCents(fixed(2000), -1))
  })

  test('a fixed amount equal to or above the total is refused: never a free or negative PIX', ({
    assert,
  }) => {
    assert.deepEqual(evaluateCoupon(fixed(19700), 19700), { ok: false, reason: 'exceeds_total' })
    assert.deepEqual(evaluateCoupon(fixed(50000), 19700), { ok: false, reason: 'exceeds_total' })
    assert.deepEqual(evaluateCoupon(fixed(19699), 19700), {
      ok: true,
      discountCents: 19699,
      totalCents: 1,
    })
    /** A percentage that rounds to nothing gives no discount: refused rather than "applied". */
    assert.deepEqual(evaluateCoupon(percent(10), 4), { ok: false, reason: 'exceeds_total' })
  })

  test('minimum order, expiry, inactive and used-up coupons are refused', ({ assert }) => {
    assert.deepEqual(evaluateCoupon(percent(10, { minOrderCents: 20000 }), 19999), {
      ok: false,
      reason: 'minimum',
    })
    assert.isTrue(evaluateCoupon(percent(10, { minOrderCents: 20000 }), 20000).ok)
    const now = DateTime.fromISO('2026-12-02T12:00:00Z')
    assert.deepEqual(
      evaluateCoupon(percent(10, { expiresAt: now.minus({ seconds: 1 }) }), 19700, now),
      { ok: false, reason: 'expired' }
    )
    assert.isTrue(
      evaluateCoupon(percent(10, { expiresAt: now.plus({ minutes: 1 }) }), 19700, now).ok
    )
    assert.deepEqual(evaluateCoupon(percent(10, { isActive: false }), 19700), {
      ok: false,
      reason: 'inactive',
    })
    assert.deepEqual(evaluateCoupon(percent(10, { maxUses: 3, usesCount: 3 }), 19700), {
      ok: false,
      reason: 'exhausted',
    })
    assert.deepEqual(evaluateCoupon(percent(10, { maxUses: 3, usesCount: 2 }), 19700), {
      ok: true,
      discountCents: 1970,
      totalCents: 17730,
    })
  })

  test('codes are compared upper-case and trimmed', ({ assert }) => {
    assert.equal(normalizeCouponCode('  black10 '), 'BLACK10')
  })

  test('the gateway lines add up to the discounted total, to the cent', ({ assert }) => {
    const items = [
      { kind: 'product' as const, name: 'Curso', priceCents: 19700, quantity: 1 },
      { kind: 'bump' as const, name: 'Apostila', priceCents: 2990, quantity: 1 },
      { kind: 'bump' as const, name: 'Planilha', priceCents: 4700, quantity: 1 },
    ]
    for (const discount of [1, 2, 3, 999, 2739, 27389]) {
      const lines = discountedItems(items, discount)
      const total = lines.reduce((sum, line) => sum + line.priceCents * line.quantity, 0)
      assert.equal(total, 27390 - discount, `discount ${discount}`)
      assert.isTrue(lines.every((line) => line.priceCents > 0))
    }
    assert.deepEqual(discountedItems(items, 0), items)
  })
})
