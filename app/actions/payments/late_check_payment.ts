import db from '@adonisjs/lucid/services/db'
import { DateTime } from 'luxon'
import Payment from '#models/payment'
import ApplyPaymentTransition from '#actions/payments/apply_payment_transition'
import { MAX_GATEWAY_READS } from '#actions/payments/schedule_payment_jobs'
import { gatewayForPayment, GatewayError } from '#services/gateways/index'
import { workspaceTable } from '#services/tenancy'

/**
 * The one late read of an expired PIX (`next_check_at` set by ExpirePayment): the gateway may
 * have taken the money after our countdown and its postback may never come. Paid there →
 * `expired → paid` (honoured, flagged, announced like any payment). The read is claimed first
 * (the column is cleared), so it happens once; a gateway that cannot be reached is asked again
 * half an hour later while the charge's read budget lasts.
 */
export default class LateCheckPayment {
  static async handle({ workspaceId, paymentId }: { workspaceId: number; paymentId: number }) {
    const claimed = await db.rawQuery(
      `UPDATE payments SET next_check_at = NULL, check_attempts = check_attempts + 1
        WHERE workspace_id = ? AND id = ? AND status = 'expired'
          AND next_check_at IS NOT NULL AND next_check_at <= now()
        RETURNING id`,
      [workspaceId, paymentId]
    )
    if (claimed.rows.length === 0) return { outcome: 'not_due' as const }
    const payment = await Payment.forWorkspace(workspaceId).where('id', paymentId).firstOrFail()

    try {
      const gateway = await gatewayForPayment(payment)
      const snapshot = await gateway.getCharge(payment)
      if (snapshot.status === 'pending') return { outcome: 'unpaid' as const }
      const outcome = await ApplyPaymentTransition.handle({
        workspaceId,
        paymentId,
        to: snapshot.status,
        source: 'poll',
        snapshot,
      })
      return { outcome: outcome.applied ? ('settled' as const) : ('unpaid' as const) }
    } catch (error) {
      if (error instanceof GatewayError && error.transient) {
        if (payment.checkAttempts < MAX_GATEWAY_READS) {
          await workspaceTable(workspaceId, 'payments')
            .where('id', paymentId)
            .where('status', 'expired')
            .update({ next_check_at: DateTime.now().plus({ minutes: 30 }).toSQL() })
        }
      }
      throw error
    }
  }
}
