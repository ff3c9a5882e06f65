import db from '@adonisjs/lucid/services/db'
import logger from '@adonisjs/core/services/logger'
import ReceiveWebhook from '#actions/payments/receive_webhook'
import queue from '#services/queue'
import { workspaceTable } from '#services/tenancy'

/** A row is re-queued at most this many times (with a growing pause, up to one hour apart). */
const MAX_REQUEUES = 30

/**
 * Inbox rows nobody processed: stored, recognised, and still without `processed_at` after
 * `graceSeconds` — their job was lost (Redis flushed, enqueue failed) or spent its retries
 * (the gateway was down for long). Each is enqueued again, with a pause doubling from one
 * minute to an hour between re-queues, unless its job is still alive in the queue. Processing
 * is idempotent, so a race with the original job costs one gateway read at most.
 */
export default class SweepWebhookInbox {
  static async handle({ graceSeconds = 120, limit = 200 } = {}) {
    const { rows } = await db.rawQuery<{
      rows: Array<{ id: string; workspace_id: number; requeues: number }>
    }>(
      `SELECT id, workspace_id, requeues FROM webhook_events
        WHERE processed_at IS NULL
          AND event_key NOT LIKE 'unrecognised:%'
          AND received_at < now() - make_interval(secs => ?)
          AND requeues < ?
          AND (requeued_at IS NULL
               OR requeued_at < now() - make_interval(secs => LEAST(3600, 60 * power(2, requeues))))
        ORDER BY received_at
        LIMIT ?`,
      [graceSeconds, MAX_REQUEUES, limit]
    )
    let requeued = 0
    for (const row of rows) {
      const id = Number(row.id)
      try {
        if (await this.#alive(`webhook-${id}`)) continue
        if (row.requeues > 0 && (await this.#alive(`webhook-${id}-r${row.requeues}`))) continue
        await workspaceTable(row.workspace_id, 'webhook_events')
          .where('id', id)
          .update({ requeued_at: db.raw('now()'), requeues: row.requeues + 1 })
        await ReceiveWebhook.enqueue(row.workspace_id, id, row.requeues + 1)
        requeued++
      } catch (error) {
        logger.error({ err: error, webhookEventId: id }, 'could not re-queue an inbox row')
      }
    }
    return { found: rows.length, requeued }
  }

  /** Whether the job is still going to run (waiting, delayed, active or retrying). */
  static async #alive(jobId: string) {
    const job = await queue.queue('webhooks').getJob(jobId)
    if (!job) return false
    const state = await job.getState()
    return ['waiting', 'delayed', 'active', 'prioritized', 'waiting-children'].includes(state)
  }
}
