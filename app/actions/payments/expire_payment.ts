import { DateTime } from 'luxon'
import Payment from '#models/payment'
import ApplyPaymentTransition from '#actions/payments/apply_payment_transition'
import SchedulePaymentJobs from '#actions/payments/schedule_payment_jobs'
import { gatewayForPayment, GatewayError } from '#services/gateways/index'

/**
 * At `expires_at`, an unpaid PIX expires. One last read at the gateway first: a payment made
 * in the final seconds is applied as paid instead (source `poll`). A gateway that cannot be
 * reached delays the expiry (the job is retried) rather than expiring a payment that may be
 * paid; a charge the gateway does not know expires.
 */
export default class ExpirePayment {
  static async handle({ workspaceId, paymentId }: { workspaceId: number; paymentId: number }) {
    const payment = await Payment.query()
      .where('workspace_id', workspaceId)
      .where('id', paymentId)
      .first()
    if (!payment || payment.status !== 'pending') return { outcome: 'final' as const }
    if (payment.expiresAt && payment.expiresAt > DateTime.now().plus({ seconds: 1 })) {
      await SchedulePaymentJobs.expire(payment)
      return { outcome: 'rescheduled' as const }
    }

    if (payment.externalId) {
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
    return { outcome: outcome.applied ? ('expired' as const) : ('final' as const) }
  }
}
