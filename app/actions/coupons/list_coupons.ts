import type Workspace from '#models/workspace'
import { pageParams } from '#services/pagination'

/**
 * Each coupon's live uses split by what became of the payment (paid, waiting) and the discount
 * given on paid payments, in one derived table joined to the coupons: a page of 1 or 100
 * coupons costs the same two queries (list + funnels).
 */
const USAGE = `LEFT JOIN (
    SELECT r.coupon_id,
      COUNT(*) FILTER (WHERE p.status IN ('paid','refunded','chargedback'))::int AS paid,
      COUNT(*) FILTER (WHERE p.status = 'pending')::int AS pending,
      COALESCE(SUM(r.discount_cents) FILTER (WHERE p.status = 'paid'), 0)::int AS discount
    FROM coupon_redemptions r
    JOIN payments p ON p.workspace_id = r.workspace_id AND p.id = r.payment_id
    WHERE r.workspace_id = ? AND r.released_at IS NULL
    GROUP BY r.coupon_id
  ) AS usage ON usage.coupon_id = coupons.id`

/** The workspace's coupons with their usage in `$extras` (read by CouponTransformer). */
export function couponsWithUsage(workspace: Workspace) {
  return workspace
    .related('coupons')
    .query()
    .select('coupons.*')
    .joinRaw(USAGE, [workspace.id])
    .select(
      'usage.paid as paid_uses',
      'usage.pending as pending_uses',
      'usage.discount as discount_given'
    )
    .preload('funnels', (q) => q.select('funnels.id', 'funnels.name'))
}

/** One page of the workspace's coupons, newest first. */
export default class ListCoupons {
  static async handle(params: { workspace: Workspace; page?: number; perPage?: number }) {
    const { page, perPage } = pageParams(params)
    return couponsWithUsage(params.workspace).orderBy('coupons.id', 'desc').paginate(page, perPage)
  }
}
