import db from '@adonisjs/lucid/services/db'
import logger from '@adonisjs/core/services/logger'
import queue from '#services/queue'
import { postbackSettings } from '#services/postbacks'
import { deliveryJobId } from '#queues/jobs'

/** Job states in which a delivery's job will still run by itself. */
const LIVE_STATES = new Set(['waiting', 'delayed', 'active', 'prioritized', 'waiting-children'])

/**
 * Postback retries re-derived from PostgreSQL. A delivery still to send (`pending`, or `failed`
 * with its `next_attempt_at`) normally has its `delivery-{id}` job waiting or delayed in Redis;
 * a Redis that lost its contents (restarted without persistence, failed over) loses those jobs
 * and with them every retry. Every minute this sweep takes the deliveries due for more than
 * `graceSeconds` and not leased by a worker, and enqueues again those whose job is gone or
 * ended, with the attempts they have left. Sending stays exactly-once: the job claims the
 * row with a lease and a `succeeded` row is never sent again, so a job that was only slow
 * costs nothing.
 */
export default class RequeueLostDeliveries {
  static async handle({ graceSeconds = 120, limit = 500 } = {}) {
    const { rows } = await db.rawQuery<{
      rows: Array<{ id: number; workspace_id: number; attempts: number }>
    }>(
      `SELECT id, workspace_id, attempts FROM postback_deliveries
        WHERE status IN ('pending', 'failed')
          AND COALESCE(next_attempt_at, updated_at) < now() - make_interval(secs => ?)
          AND (lease_expires_at IS NULL OR lease_expires_at < now())
        ORDER BY COALESCE(next_attempt_at, updated_at)
        LIMIT ?`,
      [graceSeconds, limit]
    )
    const postbacks = queue.queue('postbacks')
    let requeued = 0
    for (const row of rows) {
      const jobId = deliveryJobId(row.id)
      const state = await postbacks.getJobState(jobId)
      if (LIVE_STATES.has(state)) continue
      try {
        /** An ended job (completed, failed) holds the id: it goes, so the id stays the row's. */
        if (state !== 'unknown') await postbacks.remove(jobId)
        await queue.dispatch('deliver_postback', {
          workspaceId: row.workspace_id,
          deliveryId: Number(row.id),
          attemptsLeft: postbackSettings.attempts - row.attempts,
        })
        requeued++
      } catch (error) {
        logger.error({ err: error, deliveryId: row.id }, 'could not requeue a delivery')
      }
    }
    return { found: rows.length, requeued }
  }
}
