import { CouponSchema } from '#database/schema'
import { compose } from '@adonisjs/core/helpers'
import { WithWorkspace } from '#models/mixins/with_workspace'
import { hasMany, manyToMany } from '@adonisjs/lucid/orm'
import type { HasMany, ManyToMany } from '@adonisjs/lucid/types/relations'
import Funnel from '#models/funnel'
import CouponRedemption from '#models/coupon_redemption'

export type CouponDiscountType = 'percent' | 'fixed'

/**
 * A workspace's discount code: a whole percentage or a fixed amount in cents off the checkout
 * total, with optional limits (uses, uses per buyer, expiry, minimum order, funnels).
 * `usesCount` only changes through the atomic reserve/release of `#services/coupons`.
 */
export default class Coupon extends compose(CouponSchema, WithWorkspace) {
  declare discountType: CouponDiscountType

  /** Restricted to these funnels; none means every funnel of the workspace. */
  @manyToMany(() => Funnel, {
    pivotTable: 'coupon_funnels',
    pivotForeignKey: 'coupon_id',
    pivotRelatedForeignKey: 'funnel_id',
    pivotColumns: ['workspace_id'],
  })
  declare funnels: ManyToMany<typeof Funnel>

  @hasMany(() => CouponRedemption)
  declare redemptions: HasMany<typeof CouponRedemption>
}
