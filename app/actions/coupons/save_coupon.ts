import db from '@adonisjs/lucid/services/db'
import { DateTime } from 'luxon'
import type Workspace from '#models/workspace'
import type Coupon from '#models/coupon'
import type { CouponInput } from '#validators/coupon'

interface Params {
  workspace: Workspace
  /** The coupon to change; a new one when absent. */
  coupon?: Coupon
  data: CouponInput
}

/**
 * Creates or updates a coupon and its funnel restriction in one transaction. The value of the
 * other discount type is cleared (the table checks exactly one is set); `usesCount` is never
 * written here. Deactivating is `isActive: false`: coupons are not deleted, since payments
 * keep pointing at the one they used.
 */
export default class SaveCoupon {
  static async handle({ workspace, coupon, data }: Params) {
    return db.transaction(async (trx) => {
      const values = {
        code: data.code,
        description: data.description ?? null,
        discountType: data.discountType,
        percentOff: data.discountType === 'percent' ? (data.percentOff ?? null) : null,
        amountOffCents: data.discountType === 'fixed' ? (data.amountOffCents ?? null) : null,
        maxUses: data.maxUses ?? null,
        maxUsesPerBuyer: data.maxUsesPerBuyer ?? null,
        minOrderCents: data.minOrderCents ?? null,
        expiresAt: data.expiresAt ? DateTime.fromJSDate(data.expiresAt) : null,
        isActive: data.isActive ?? coupon?.isActive ?? true,
      }
      let saved: Coupon
      if (coupon) {
        coupon.useTransaction(trx)
        saved = await coupon.merge(values).save()
      } else {
        saved = await workspace.related('coupons').create(values, { client: trx })
      }
      if (data.funnelIds) {
        await saved
          .related('funnels')
          .sync(
            Object.fromEntries(data.funnelIds.map((id) => [id, { workspace_id: workspace.id }])),
            true,
            trx
          )
      }
      await saved.load('funnels', (q) => q.select('funnels.id', 'funnels.name'))
      return saved
    })
  }
}
