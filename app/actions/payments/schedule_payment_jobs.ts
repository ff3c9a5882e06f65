import logger from '@adonisjs/core/services/logger'
import type Payment from '#models/payment'
import queue from '#services/queue'

/**
 * Delay before poll number `attempt` (1-based): every 5 s for the first 2 minutes, while the
 * buyer is probably looking at the QR code, then every 30 s up to 10 minutes, then every 2 min.
 */
export function pollDelayMs(attempt: number) {
  if (attempt <= 24) return 5_000
  if (attempt <= 40) return 30_000
  return 120_000
}

/** Enqueues the background jobs of a pending payment: its polls and its expiry. */
export default class SchedulePaymentJobs {
  static async afterCreation(payment: Payment) {
    try {
      await this.poll(payment, 1)
      await this.expire(payment)
    } catch (error) {
      logger.error({ err: error, paymentId: payment.id }, 'could not schedule payment jobs')
    }
  }

  /** Poll number `attempt`; a jobId per attempt, so a duplicated chain collapses. */
  static poll(payment: Pick<Payment, 'id' | 'workspaceId'>, attempt: number) {
    return queue.dispatch(
      'payments',
      'poll_payment',
      { workspaceId: payment.workspaceId, paymentId: payment.id, attempt },
      {
        jobId: `poll-${payment.id}-${attempt}`,
        delay: pollDelayMs(attempt),
        attempts: 3,
        backoff: { type: 'exponential', delay: 5_000 },
      }
    )
  }

  /** The expiry check, at `expires_at`. */
  static expire(payment: Pick<Payment, 'id' | 'workspaceId' | 'expiresAt'>, delayMs?: number) {
    const delay = delayMs ?? Math.max(0, (payment.expiresAt?.toMillis() ?? Date.now()) - Date.now())
    return queue.dispatch(
      'payments',
      'expire_payment',
      { workspaceId: payment.workspaceId, paymentId: payment.id },
      {
        jobId: `expire-${payment.id}-${Math.round((Date.now() + delay) / 1000)}`,
        delay,
        attempts: 5,
        backoff: { type: 'exponential', delay: 10_000 },
      }
    )
  }
}
