import { BaseTransformer } from '@adonisjs/core/transformers'
import type Coupon from '#models/coupon'

/** A usage figure read from the list query's `$extras` (0 when never used). */
function extra(coupon: Coupon, key: string) {
  return Number(coupon.$extras[key] ?? 0)
}

/** What pages and the API see of a coupon: its terms, funnels and usage counts. */
export default class CouponTransformer extends BaseTransformer<Coupon> {
  toObject() {
    const coupon = this.resource
    return {
      id: coupon.id,
      code: coupon.code,
      description: coupon.description,
      discountType: coupon.discountType,
      percentOff: coupon.percentOff,
      amountOffCents: coupon.amountOffCents,
      maxUses: coupon.maxUses,
      maxUsesPerBuyer: coupon.maxUsesPerBuyer,
      minOrderCents: coupon.minOrderCents,
      expiresAt: coupon.expiresAt?.toISO() ?? null,
      isActive: coupon.isActive,
      funnels: (coupon.funnels ?? []).map((funnel) => ({ id: funnel.id, name: funnel.name })),
      usage: {
        /** Uses taken now (PIX waiting or paid); released ones are not counted. */
        taken: coupon.usesCount ?? 0,
        paid: extra(coupon, 'paid_uses'),
        pending: extra(coupon, 'pending_uses'),
        /** Discount given on paid payments, in cents. */
        discountCents: extra(coupon, 'discount_given'),
      },
      createdAt: coupon.createdAt.toISO(),
      updatedAt: coupon.updatedAt?.toISO() ?? null,
    }
  }

  /** Validator input of an API update: the stored coupon with the request over it. */
  static withChanges(coupon: Coupon, changes: Record<string, any>) {
    return {
      code: coupon.code,
      description: coupon.description,
      discountType: coupon.discountType,
      percentOff: coupon.percentOff,
      amountOffCents: coupon.amountOffCents,
      maxUses: coupon.maxUses,
      maxUsesPerBuyer: coupon.maxUsesPerBuyer,
      minOrderCents: coupon.minOrderCents,
      expiresAt: coupon.expiresAt?.toISO() ?? null,
      isActive: coupon.isActive,
      funnelIds: (coupon.funnels ?? []).map((funnel) => funnel.id),
      ...changes,
    }
  }
}
