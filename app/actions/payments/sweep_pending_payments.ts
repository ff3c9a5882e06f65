import db from '@adonisjs/lucid/services/db'
import logger from '@adonisjs/core/services/logger'
import PollPayment from '#actions/payments/poll_payment'
import ExpirePayment from '#actions/payments/expire_payment'
import LateCheckPayment from '#actions/payments/late_check_payment'

/**
 * Gateway reads in flight at once: a backlog (a Redis that lost every delayed job) drains in
 * minutes, not one HTTP call at a time; each read is claimed, so overlap is harmless. Five keeps
 * well inside the pool (10 connections): a read holds none while it waits on the gateway.
 */
const SWEEP_CONCURRENCY = 5

/** Runs `work` over `items`, at most `concurrency` at a time. */
async function inParallel<T>(items: T[], concurrency: number, work: (item: T) => Promise<void>) {
  let next = 0
  const lanes = Array.from({ length: Math.min(concurrency, items.length) }, async () => {
    while (next < items.length) await work(items[next++])
  })
  await Promise.all(lanes)
}

/**
 * No payment left behind. Every minute, pending payments older than `thresholdSeconds` whose
 * next gateway read (`next_check_at`, else their creation) is overdue by `graceSeconds` are
 * read now: before their expiry as a poll (which re-creates the poll chain), after it as the
 * expiry check (which keeps backing off while the gateway is down). Everything it needs is in
 * PostgreSQL, so delayed jobs lost with Redis, a crash between the commit and the enqueue or
 * an expiry job that spent its retries all end here. A read claimed by a poll in the meantime
 * is not repeated (PollPayment's conditional claim). Expired charges due for their one late read
 * (LateCheckPayment) are read too.
 */
export default class SweepPendingPayments {
  static async handle({ thresholdSeconds = 60, graceSeconds = 30, limit = 200 } = {}) {
    const { rows } = await db.rawQuery<{
      rows: Array<{ id: number; workspace_id: number; expired: boolean }>
    }>(
      `SELECT id, workspace_id, (expires_at IS NOT NULL AND expires_at <= now()) AS expired
         FROM payments
        WHERE status = 'pending'
          AND created_at < now() - make_interval(secs => ?)
          AND COALESCE(next_check_at, created_at) < now() - make_interval(secs => ?)
        ORDER BY COALESCE(next_check_at, created_at)
        LIMIT ?`,
      [thresholdSeconds, graceSeconds, limit]
    )
    const counts = { found: rows.length, polled: 0, expired: 0, settled: 0, failed: 0 }
    counts.settled += await this.#lateChecks(limit)
    await inParallel(rows, SWEEP_CONCURRENCY, async (row) => {
      const ids = { workspaceId: row.workspace_id, paymentId: row.id }
      try {
        if (row.expired) {
          const { outcome } = await ExpirePayment.handle(ids)
          if (outcome === 'expired') counts.expired++
          else if (outcome === 'settled') counts.settled++
        } else {
          const { outcome } = await PollPayment.handle({ ...ids, force: true })
          if (outcome === 'final') counts.settled++
          else counts.polled++
        }
      } catch (error) {
        /** The gateway is still down: `next_check_at` was pushed back, the next sweep retries. */
        counts.failed++
        logger.warn({ err: error, ...ids }, 'pending payment sweep: gateway not answering')
      }
    })
    return counts
  }

  /** Expired charges due for their one late read; returns how many turned out paid. */
  static async #lateChecks(limit: number) {
    const { rows } = await db.rawQuery<{ rows: Array<{ id: number; workspace_id: number }> }>(
      `SELECT id, workspace_id FROM payments
        WHERE status = 'expired' AND next_check_at IS NOT NULL AND next_check_at <= now()
        ORDER BY next_check_at
        LIMIT ?`,
      [limit]
    )
    let settled = 0
    for (const row of rows) {
      const ids = { workspaceId: row.workspace_id, paymentId: row.id }
      try {
        const { outcome } = await LateCheckPayment.handle(ids)
        if (outcome === 'settled') settled++
      } catch (error) {
        logger.warn({ err: error, ...ids }, 'late check of an expired payment failed')
      }
    }
    return settled
  }
}
