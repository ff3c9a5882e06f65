import { DateTime } from 'luxon'
import logger from '@adonisjs/core/services/logger'
import type Payment from '#models/payment'
import queue from '#services/queue'

/**
 * Gateway reads an unpaid charge may cost, in total: the polls stop at `POLL_BUDGET`, leaving
 * the rest for the expiry check (and its retries when the gateway is down). SkalePay was read
 * ~755 times over a day for one unpaid PIX before this budget.
 */
export const MAX_GATEWAY_READS = 60
export const POLL_BUDGET = 55

/**
 * One late read this long after an expiry: a PIX the gateway still took (SkalePay's own expiry
 * is in days) whose postback never reached us is honoured within minutes, not at the next
 * daily reconciliation.
 */
export const LATE_CHECK_AFTER_EXPIRY_MS = 15 * 60_000

/** Past the first 40 reads (20 minutes), polls are at least this far apart. */
const SLOW_POLL_MS = 5 * 60_000

/**
 * Delay before poll number `read` (1-based): every 5 s for the first minute, while the buyer is
 * most likely paying, every 15 s for the next 3 minutes, every minute up to 20 minutes; then
 * the remaining budget is spread evenly over the time left before `expires_at` (at least 5 min
 * apart). With the 30-minute default that is 41 polls; with a 4-hour countdown, 54.
 */
export function pollDelayMs(read: number, msLeft = 0) {
  if (read <= 12) return 5_000
  if (read <= 24) return 15_000
  if (read <= 40) return 60_000
  const left = Math.max(1, POLL_BUDGET - read + 1)
  return Math.max(SLOW_POLL_MS, Math.floor(msLeft / left))
}

/**
 * When the read after `reads` reads should happen: the next poll, never past `expires_at`;
 * `expires_at` itself once the poll budget is spent (the expiry check is the last read).
 */
export function nextCheckAfter(
  reads: number,
  expiresAt: DateTime | null,
  now: DateTime = DateTime.now()
): DateTime {
  const expiry = expiresAt ?? now.plus({ minutes: 30 })
  if (reads >= POLL_BUDGET) return expiry
  const next = now.plus({ milliseconds: pollDelayMs(reads + 1, expiry.diff(now).toMillis()) })
  return next < expiry ? next : expiry
}

/**
 * How long to wait before asking again about a charge whose expiry has passed but that the
 * gateway did not confirm (it was down): half the time since the expiry, between 30 s and 30 min,
 * so an outage costs a few dozen reads a day at most and a short one is settled within a minute.
 */
export function expiryRetryDelayMs(expiresAt: DateTime | null, now: DateTime = DateTime.now()) {
  const overdue = expiresAt ? now.diff(expiresAt).toMillis() : 0
  return Math.min(30 * 60_000, Math.max(30_000, Math.floor(overdue / 2)))
}

/**
 * Enqueues the background jobs of a pending payment: its polls and its expiry. Jobs are only
 * the fast path: `payments.next_check_at` holds when the gateway is due to be read, and the
 * pending-payments sweep reads every payment whose read is overdue (lost jobs, Redis flushed).
 */
export default class SchedulePaymentJobs {
  static async afterCreation(payment: Payment) {
    try {
      await this.poll(payment, 1)
      await this.expire(payment)
    } catch (error) {
      logger.error({ err: error, paymentId: payment.id }, 'could not schedule payment jobs')
    }
  }

  /**
   * Poll number `attempt`, at `at` (else after `pollDelayMs(attempt)`); the registry gives each
   * attempt its own job id, so a duplicated chain collapses (app/queues/jobs.ts).
   */
  static poll(payment: Pick<Payment, 'id' | 'workspaceId'>, attempt: number, at?: DateTime) {
    return queue.dispatch('poll_payment', {
      workspaceId: payment.workspaceId,
      paymentId: payment.id,
      attempt,
      runAt: at ? at.toMillis() : Date.now() + pollDelayMs(attempt),
    })
  }

  /** The expiry check, at `expires_at` (or `delayMs` from now). */
  static expire(payment: Pick<Payment, 'id' | 'workspaceId' | 'expiresAt'>, delayMs?: number) {
    return queue.dispatch('expire_payment', {
      workspaceId: payment.workspaceId,
      paymentId: payment.id,
      runAt:
        delayMs !== undefined
          ? Date.now() + delayMs
          : Math.max(Date.now(), payment.expiresAt?.toMillis() ?? Date.now()),
    })
  }
}
