import { DateTime } from 'luxon'
import logger from '@adonisjs/core/services/logger'
import Payment from '#models/payment'
import type { PaymentStatus } from '#enums/payments'
import ApplyPaymentTransition from '#actions/payments/apply_payment_transition'
import SchedulePaymentJobs from '#actions/payments/schedule_payment_jobs'
import { gatewayForPayment, GatewayError } from '#services/gateways/index'

/**
 * One poll of a pending payment: reads the charge at the gateway and applies what it reports
 * (source `poll`). While still pending and before `expires_at`, the next poll is scheduled
 * with the backoff of `pollDelayMs`; a final status, or the expiry, ends the chain (the expiry
 * job takes over). A transient gateway failure does not break the chain.
 */
export default class PollPayment {
  static async handle({
    workspaceId,
    paymentId,
    attempt = 1,
  }: {
    workspaceId: number
    paymentId: number
    attempt?: number
  }) {
    const payment = await Payment.query()
      .where('workspace_id', workspaceId)
      .where('id', paymentId)
      .first()
    if (!payment || payment.status !== 'pending') return { outcome: 'final' as const }
    if (payment.expiresAt && payment.expiresAt <= DateTime.now()) {
      return { outcome: 'expired' as const }
    }

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

    if (status !== 'pending') return { outcome: 'final' as const }
    const next = attempt + 1
    await SchedulePaymentJobs.poll(payment, next)
    return { outcome: 'pending' as const, next }
  }
}
