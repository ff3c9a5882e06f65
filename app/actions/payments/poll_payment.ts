import db from '@adonisjs/lucid/services/db'
import { DateTime } from 'luxon'
import logger from '@adonisjs/core/services/logger'
import Payment from '#models/payment'
import type { PaymentStatus } from '#enums/payments'
import ApplyPaymentTransition from '#actions/payments/apply_payment_transition'
import SchedulePaymentJobs, {
  POLL_BUDGET,
  nextCheckAfter,
} from '#actions/payments/schedule_payment_jobs'
import { gatewayForPayment, GatewayError } from '#services/gateways/index'
import { workspaceTable } from '#services/tenancy'

/**
 * One poll of a pending payment: reads the charge at the gateway and applies what it reports
 * (source `poll`). The read is claimed first in PostgreSQL (`check_attempts + 1`, the new
 * `next_check_at`, conditional on the count not having moved), so two pollers — a job and the
 * sweep, or a duplicated chain — never both spend a read, and the count is the true cost of the
 * charge. While still pending, the next poll is enqueued for `next_check_at`; once the budget is
 * spent, the next read is the expiry check. A transient gateway failure does not break the chain.
 */
export default class PollPayment {
  static async handle({
    workspaceId,
    paymentId,
    force = false,
  }: {
    workspaceId: number
    paymentId: number
    /** The job's idea of the poll number; the payment's `check_attempts` is what counts. */
    attempt?: number
    /** Read even if `next_check_at` is still ahead (the sweep, which only picks overdue rows). */
    force?: boolean
  }) {
    const payment = await Payment.forWorkspace(workspaceId).where('id', paymentId).first()
    if (!payment || payment.status !== 'pending') return { outcome: 'final' as const }
    const now = DateTime.now()
    if (payment.expiresAt && payment.expiresAt <= now) return { outcome: 'expired' as const }
    if (payment.checkAttempts >= POLL_BUDGET) {
      await this.#park(payment)
      return { outcome: 'budget_spent' as const }
    }
    if (!force && payment.nextCheckAt && payment.nextCheckAt > now.plus({ seconds: 1 })) {
      return { outcome: 'not_due' as const }
    }

    const reads = payment.checkAttempts + 1
    const nextCheckAt = nextCheckAfter(reads, payment.expiresAt, now)
    const claimed = await db.rawQuery(
      `UPDATE payments SET check_attempts = ?, next_check_at = ?
        WHERE workspace_id = ? AND id = ? AND status = 'pending' AND check_attempts = ?
        RETURNING id`,
      [reads, nextCheckAt.toSQL(), workspaceId, paymentId, payment.checkAttempts]
    )
    if (claimed.rows.length === 0) return { outcome: 'not_due' as const }

    let status: PaymentStatus = payment.status
    try {
      const gateway = await gatewayForPayment(payment)
      const snapshot = await gateway.getCharge(payment)
      const outcome = await ApplyPaymentTransition.handle({
        workspaceId,
        paymentId,
        to: snapshot.status,
        source: 'poll',
        snapshot,
      })
      status = outcome.payment.status
    } catch (error) {
      if (!(error instanceof GatewayError) || !error.transient) {
        logger.warn({ err: error, paymentId }, 'payment poll failed')
      }
    }

    if (status !== 'pending') return { outcome: 'final' as const, reads }
    if (reads >= POLL_BUDGET) return { outcome: 'budget_spent' as const, reads }
    try {
      await SchedulePaymentJobs.poll(payment, reads + 1, nextCheckAt)
    } catch (error) {
      /** `next_check_at` is written: the sweep reads the payment when it is overdue. */
      logger.error({ err: error, paymentId }, 'could not enqueue the next poll')
    }
    return { outcome: 'pending' as const, reads, next: reads + 1 }
  }

  /** No poll left: the next read is the expiry check at `expires_at`. */
  static async #park(payment: Payment) {
    if (payment.expiresAt && payment.nextCheckAt?.toMillis() !== payment.expiresAt.toMillis()) {
      await workspaceTable(payment.workspaceId, 'payments')
        .where('id', payment.id)
        .update({ next_check_at: payment.expiresAt.toSQL() })
    }
  }
}
