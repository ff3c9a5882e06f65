import type { Data } from '@generated/data'

/** What the coupons page receives: CouponTransformer's generated type. */
export type CouponRow = Data.Coupon

export type FunnelOption = { id: number; name: string }
