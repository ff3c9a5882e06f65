import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import RollupAnalytics from '#actions/analytics/rollup_analytics'
import { retentionCutoff } from '#services/event_retention'
import { partitionBounds, partitionMonth, qualified } from '#services/event_partitions'
import { partitionNames } from '#actions/maintenance/maintain_event_partitions'
import { workspaceTable } from '#services/tenancy'

/**
 * Removes raw visitor events older than each workspace's plan keeps (event_retention.ts),
 * whole local days at a time, after rebuilding the daily rollups of those days (kept for good,
 * so the dashboard's history does not change). A month table older than every workspace's
 * cutoff is dropped at once (no DELETE, no bloat); the rest goes in batches.
 */
export default class ApplyEventRetention {
  static async handle({ now = new Date(), batchSize = 5_000 } = {}) {
    const workspaces = await db.from('workspaces').select('id', 'plan', 'timezone')
    if (!workspaces.length) return { droppedPartitions: [], deletedEvents: 0 }

    const due: Array<{ id: number; cutoff: Date }> = []
    let oldestCutoff: Date | null = null
    for (const workspace of workspaces) {
      const zone = workspace.timezone || 'America/Sao_Paulo'
      const cutoff = DateTime.fromJSDate(retentionCutoff(workspace.plan, now))
        .setZone(zone)
        .startOf('day')
        .toJSDate()
      if (!oldestCutoff || cutoff < oldestCutoff) oldestCutoff = cutoff
      const oldest = await workspaceTable(workspace, 'visitor_events')
        .where('created_at', '<', cutoff)
        .min('created_at as at')
        .first()
      if (!oldest?.at) continue
      await RollupAnalytics.handle({ workspaceId: workspace.id, since: oldest.at, until: cutoff })
      due.push({ id: workspace.id, cutoff })
    }

    const droppedPartitions: string[] = []
    for (const name of await partitionNames()) {
      const month = partitionMonth(name)
      if (!month || new Date(partitionBounds(month).to) > oldestCutoff!) continue
      await db.rawQuery(`DROP TABLE ${qualified(name)}`)
      droppedPartitions.push(name)
    }

    let deletedEvents = 0
    for (const { id, cutoff } of due) {
      for (;;) {
        const result = await db.rawQuery(
          `DELETE FROM visitor_events WHERE (id, created_at) IN (
             SELECT id, created_at FROM visitor_events
              WHERE workspace_id = ? AND created_at < ? LIMIT ?)`,
          [id, cutoff, batchSize]
        )
        deletedEvents += result.rowCount ?? 0
        if ((result.rowCount ?? 0) < batchSize) break
      }
    }
    return { droppedPartitions, deletedEvents }
  }
}
