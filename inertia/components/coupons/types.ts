/** What the coupons page receives (see app/transformers/coupon_transformer.ts). */
export type CouponRow = {
  id: number
  code: string
  description: string | null
  discountType: 'percent' | 'fixed'
  percentOff: number | null
  amountOffCents: number | null
  maxUses: number | null
  maxUsesPerBuyer: number | null
  minOrderCents: number | null
  expiresAt: string | null
  isActive: boolean
  funnels: Array<{ id: number; name: string }>
  usage: { taken: number; paid: number; pending: number; discountCents: number }
  createdAt: string | null
  updatedAt: string | null
}

export type FunnelOption = {
  id: number
  name: string
}
