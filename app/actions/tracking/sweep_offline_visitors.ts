import db from '@adonisjs/lucid/services/db'
import { broadcastToWorkspace } from '#services/realtime'
import { VISITOR_OFFLINE_AFTER_SECONDS } from '#queues/definitions'

interface OfflineRow {
  id: number
  workspace_id: number
  public_id: string
  funnel_id: number | null
  current_step_id: number | null
}

/**
 * Marks visitors offline once their last heartbeat is older than the threshold, in batches,
 * and tells the live monitors (`visitor_offline`). Safe to run concurrently: each row flips once
 * (the UPDATE only takes online rows, skipping rows another sweep has locked).
 */
export default class SweepOfflineVisitors {
  static async handle({ olderThanSeconds = VISITOR_OFFLINE_AFTER_SECONDS, batchSize = 1000 } = {}) {
    let total = 0
    for (;;) {
      const { rows } = await db.rawQuery<{ rows: OfflineRow[] }>(
        `UPDATE visitors SET is_online = false
          WHERE id IN (
            SELECT id FROM visitors
             WHERE is_online AND last_activity < now() - make_interval(secs => ?)
             ORDER BY last_activity
             LIMIT ? FOR UPDATE SKIP LOCKED)
          RETURNING id, workspace_id, public_id, funnel_id, current_step_id`,
        [olderThanSeconds, batchSize]
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
