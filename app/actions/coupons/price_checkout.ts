import type Workspace from '#models/workspace'
import type Coupon from '#models/coupon'
import type { PaymentItem } from '#models/payment'
import { itemsTotal } from '#services/payment_items'
import { COUPON_CODE, evaluateCoupon, normalizeCouponCode } from '#services/coupons'
import { couponRefused } from '#actions/coupons/coupon_uses'

export interface CheckoutPrice {
  items: PaymentItem[]
  subtotalCents: number
  discountCents: number
  totalCents: number
  coupon: Coupon | null
  /** The code as stored (upper-case), null without a coupon. */
  couponCode: string | null
}

interface Params {
  workspace: Workspace
  funnelId: number
  /** The lines priced from the checkout configuration (never from the client). */
  items: PaymentItem[]
  /** What the buyer typed; empty means no coupon. */
  couponCode?: string | null
}

/**
 * The price of a checkout on the server: the lines' subtotal, and the coupon's discount when a
 * code is given. The code is looked up in the workspace only (another workspace's code is
 * simply unknown), must be active, unexpired, with uses left, for this funnel when restricted,
 * above its minimum, and leave a positive total. The same answer feeds the "Aplicar" button and
 * the submission; the submission then takes the use atomically (CouponUses.reserve), which
 * also enforces the per-buyer limit.
 */
export default class PriceCheckout {
  static async handle(params: Params): Promise<CheckoutPrice> {
    const subtotalCents = itemsTotal(params.items)
    const typed = normalizeCouponCode(params.couponCode ?? '')
    const none = {
      items: params.items,
      subtotalCents,
      discountCents: 0,
      totalCents: subtotalCents,
      coupon: null,
      couponCode: null,
    }
    if (!typed) return none
    if (!COUPON_CODE.test(typed)) throw couponRefused('unknown')

    const coupon = await params.workspace
      .related('coupons')
      .query()
      .where('code', typed)
      .preload('funnels', (q) => q.select('funnels.id'))
      .first()
    if (!coupon) throw couponRefused('unknown')
    if (coupon.funnels.length && !coupon.funnels.some((f) => f.id === params.funnelId)) {
      throw couponRefused('funnel')
    }
    const verdict = evaluateCoupon(coupon, subtotalCents)
    if (!verdict.ok) throw couponRefused(verdict.reason)
    return {
      items: params.items,
      subtotalCents,
      discountCents: verdict.discountCents,
      totalCents: verdict.totalCents,
      coupon,
      couponCode: coupon.code,
    }
  }
}
