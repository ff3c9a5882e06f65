import db from '@adonisjs/lucid/services/db'
import { broadcastToWorkspace } from '#services/realtime'
import type { BufferedEvent } from '#services/event_buffer'
import { VISITOR_LEAVE_GRACE_SECONDS, VISITOR_OFFLINE_AFTER_SECONDS } from '#queues/definitions'

interface OfflineRow {
  id: number
  workspace_id: number
  public_id: string
  funnel_id: number | null
  current_step_id: number | null
}

/**
 * Marks visitors offline and tells the live monitors (`visitor_offline`), for two reasons:
 *
 * - their page said `leave` (pagehide) and nothing of theirs came after it for
 *   `leftGraceSeconds` — the grace lets the next step's `page_view` of a visitor moving through
 *   the funnel arrive first, so a step change never flickers offline/online;
 * - silence: no event (heartbeats every 15 s) for `olderThanSeconds`.
 *
 * The job runs every second (OFFLINE_SWEEP_EVERY_MS), so `visitor_offline` comes at most about
 * 1 s (flush) + 2 s (grace) + 1 s (sweep) after a leave, and 60–61 s after the last heartbeat.
 * Safe to run concurrently: each row flips once (only online rows are taken, skipping rows
 * another sweep has locked).
 */
export default class SweepOfflineVisitors {
  static async handle({
    olderThanSeconds = VISITOR_OFFLINE_AFTER_SECONDS,
    leftGraceSeconds = VISITOR_LEAVE_GRACE_SECONDS,
    batchSize = 1000,
  } = {}) {
    /** `left_at >= last_activity`: nothing of the visitor arrived after its leave. */
    const left = await this.#flip(
      `is_online AND left_at IS NOT NULL AND left_at >= last_activity
       AND left_at < now() - make_interval(secs => ?)`,
      'left_at',
      leftGraceSeconds,
      batchSize
    )
    const silent = await this.#flip(
      `is_online AND last_activity < now() - make_interval(secs => ?)`,
      'last_activity',
      olderThanSeconds,
      batchSize
    )
    return left + silent
  }

  /**
   * Called by the beacon flush after its commit: visitors whose latest event of the batch is a
   * `leave` get `left_at`, unless something newer of theirs is already stored. Idempotent (a
   * replayed batch writes the same value).
   */
  static async noteLeaves(events: BufferedEvent[]) {
    const latest = new Map<string, BufferedEvent>()
    for (const event of events) {
      const key = `${event.workspaceId}:${event.sessionId}`
      const seen = latest.get(key)
      if (!seen || event.occurredAt >= seen.occurredAt) latest.set(key, event)
    }
    const leaves = [...latest.values()]
      .filter((event) => event.type === 'leave')
      .map((event) => ({ w: event.workspaceId, s: event.sessionId, at: event.occurredAt }))
    if (!leaves.length) return
    await db.rawQuery(
      `UPDATE visitors v SET left_at = x.at
         FROM jsonb_to_recordset(?::jsonb) AS x(w int, s text, at timestamptz)
        WHERE v.workspace_id = x.w AND v.session_id = x.s
          AND v.is_online AND v.last_activity <= x.at`,
      [JSON.stringify(leaves)]
    )
  }

  static async #flip(where: string, order: string, seconds: number, batchSize: number) {
    let total = 0
    for (;;) {
      const { rows } = await db.rawQuery<{ rows: OfflineRow[] }>(
        `UPDATE visitors SET is_online = false
          WHERE id IN (
            SELECT id FROM visitors
             WHERE ${where}
             ORDER BY ${order}
             LIMIT ? FOR UPDATE SKIP LOCKED)
          RETURNING id, workspace_id, public_id, funnel_id, current_step_id`,
        [seconds, batchSize]
      )
      for (const row of rows) {
        broadcastToWorkspace(
          row.workspace_id,
          'visitor_offline',
          { visitorId: row.public_id, funnelId: row.funnel_id, stepId: row.current_step_id },
          row.funnel_id
        )
      }
      total += rows.length
      if (rows.length < batchSize) return total
    }
  }
}
