import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { ApiError } from '#exceptions/api_error'
import type { CouponRefusal } from '#services/coupons'

/** Statuses after which a PIX will not be paid by us: the coupon use goes back to the pool. */
const RELEASING = new Set(['failed', 'expired', 'cancelled'])

/** A refused coupon: a 422 on the `coupon` field, worded in the buyer's language by the caller. */
export function couponRefused(reason: CouponRefusal | 'needs_buyer') {
  return new ApiError(422, 'coupon', `coupons.refused.${reason}`, 'coupon')
}

interface Reservation {
  workspaceId: number
  couponId: number
  paymentId: number
  discountCents: number
  email: string | null
  cpf: string | null
}

/**
 * Taking and giving back uses of a coupon, inside the transaction that writes the payment.
 *
 * `reserve` takes one use with a single conditional UPDATE (`uses_count < max_uses`, still
 * active, not expired): PostgreSQL re-checks the condition on the latest row version after a
 * concurrent update, so N buyers racing for the last use get exactly one row back between them.
 * The row lock that UPDATE holds until commit also serialises the per-buyer count that follows,
 * so one buyer cannot exceed their limit with parallel tabs either. Any refusal throws, and the
 * caller's transaction rolls the payment and the increment back together.
 */
export default class CouponUses {
  static async reserve(trx: TransactionClientContract, reservation: Reservation) {
    const { rows } = await trx.rawQuery<{ rows: Array<{ max_uses_per_buyer: number | null }> }>(
      `UPDATE coupons SET uses_count = uses_count + 1, updated_at = now()
        WHERE workspace_id = ? AND id = ? AND is_active
          AND (expires_at IS NULL OR expires_at > now())
          AND (max_uses IS NULL OR uses_count < max_uses)
        RETURNING max_uses_per_buyer`,
      [reservation.workspaceId, reservation.couponId]
    )
    if (!rows[0]) throw couponRefused('exhausted')

    const perBuyer = rows[0].max_uses_per_buyer
    if (perBuyer !== null) {
      const email = reservation.email?.trim().toLowerCase() || null
      if (!email && !reservation.cpf) throw couponRefused('needs_buyer')
      const { rows: counted } = await trx.rawQuery<{ rows: Array<{ uses: number }> }>(
        `SELECT count(*)::int AS uses FROM coupon_redemptions
          WHERE workspace_id = ? AND coupon_id = ? AND released_at IS NULL
            AND ((?::text <> '' AND lower(email) = ?) OR (?::text <> '' AND cpf = ?))`,
        [
          reservation.workspaceId,
          reservation.couponId,
          email ?? '',
          email ?? '',
          reservation.cpf ?? '',
          reservation.cpf ?? '',
        ]
      )
      if ((counted[0]?.uses ?? 0) >= perBuyer) throw couponRefused('per_buyer')
    }

    await trx.table('coupon_redemptions').insert({
      workspace_id: reservation.workspaceId,
      coupon_id: reservation.couponId,
      payment_id: reservation.paymentId,
      email: reservation.email?.trim().toLowerCase() || null,
      cpf: reservation.cpf || null,
      discount_cents: reservation.discountCents,
    })
  }

  /**
   * Follows a payment's new status (called under the payment's row lock): a PIX that failed,
   * expired or was cancelled gives its use back; one paid after all (`expired → paid`) takes it
   * again, even past the limit — the buyer has paid the discounted price.
   */
  static async follow(
    trx: TransactionClientContract,
    payment: { workspaceId: number; id: number; couponId: number | null },
    status: string
  ) {
    if (!payment.couponId) return
    if (RELEASING.has(status)) {
      await trx.rawQuery(
        `WITH released AS (
           UPDATE coupon_redemptions SET released_at = now()
            WHERE workspace_id = ? AND payment_id = ? AND released_at IS NULL
           RETURNING coupon_id)
         UPDATE coupons SET uses_count = uses_count - 1, updated_at = now()
          WHERE workspace_id = ? AND id IN (SELECT coupon_id FROM released)`,
        [payment.workspaceId, payment.id, payment.workspaceId]
      )
    } else if (status === 'paid') {
      await trx.rawQuery(
        `WITH retaken AS (
           UPDATE coupon_redemptions SET released_at = NULL
            WHERE workspace_id = ? AND payment_id = ? AND released_at IS NOT NULL
           RETURNING coupon_id)
         UPDATE coupons SET uses_count = uses_count + 1, updated_at = now()
          WHERE workspace_id = ? AND id IN (SELECT coupon_id FROM retaken)`,
        [payment.workspaceId, payment.id, payment.workspaceId]
      )
    }
  }
}
