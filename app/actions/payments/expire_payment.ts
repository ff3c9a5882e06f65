import db from '@adonisjs/lucid/services/db'
import { DateTime } from 'luxon'
import Payment from '#models/payment'
import ApplyPaymentTransition from '#actions/payments/apply_payment_transition'
import SchedulePaymentJobs, {
  LATE_CHECK_AFTER_EXPIRY_MS,
  expiryRetryDelayMs,
} from '#actions/payments/schedule_payment_jobs'
import { gatewayForPayment, GatewayError } from '#services/gateways/index'

/**
 * At `expires_at`, an unpaid PIX expires. One last read at the gateway first: a payment made
 * in the final seconds is applied as paid instead (source `poll`). A gateway that cannot be
 * reached delays the expiry rather than expiring a payment that may be paid: the read is
 * counted and `next_check_at` moved by `expiryRetryDelayMs` before the error is rethrown (the
 * job retries; once its retries are spent, the pending-payments sweep keeps asking until the
 * gateway answers). A charge the gateway does not know expires, and an expired one is read once
 * more `LATE_CHECK_AFTER_EXPIRY_MS` later (`LateCheckPayment`, from the sweep).
 */
export default class ExpirePayment {
  static async handle({ workspaceId, paymentId }: { workspaceId: number; paymentId: number }) {
    const payment = await Payment.forWorkspace(workspaceId).where('id', paymentId).first()
    if (!payment || payment.status !== 'pending') return { outcome: 'final' as const }
    if (payment.expiresAt && payment.expiresAt > DateTime.now().plus({ seconds: 1 })) {
      await SchedulePaymentJobs.expire(payment)
      return { outcome: 'rescheduled' as const }
    }

    if (payment.externalId) {
      await db.rawQuery(
        `UPDATE payments SET check_attempts = check_attempts + 1, next_check_at = ?
          WHERE workspace_id = ? AND id = ? AND status = 'pending'`,
        [
          DateTime.now()
            .plus({ milliseconds: expiryRetryDelayMs(payment.expiresAt) })
            .toSQL(),
          workspaceId,
          paymentId,
        ]
      )
      try {
        const gateway = await gatewayForPayment(payment)
        const snapshot = await gateway.getCharge(payment)
        if (snapshot.status !== 'pending') {
          const outcome = await ApplyPaymentTransition.handle({
            workspaceId,
            paymentId,
            to: snapshot.status,
            source: 'poll',
            snapshot,
          })
          return { outcome: outcome.applied ? ('settled' as const) : ('final' as const) }
        }
      } catch (error) {
        if (error instanceof GatewayError && error.transient) throw error
      }
    }

    const outcome = await ApplyPaymentTransition.handle({
      workspaceId,
      paymentId,
      to: 'expired',
      source: 'expiry',
    })
    if (outcome.applied && payment.externalId) {
      await db.rawQuery(
        `UPDATE payments SET next_check_at = ? WHERE workspace_id = ? AND id = ? AND status = 'expired'`,
        [
          DateTime.now().plus({ milliseconds: LATE_CHECK_AFTER_EXPIRY_MS }).toSQL(),
          workspaceId,
          paymentId,
        ]
      )
    }
    return { outcome: outcome.applied ? ('expired' as const) : ('final' as const) }
  }
}
