import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import { aggregateSql } from '#actions/analytics/visitor_aggregates'
import { workspaceTable } from '#services/tenancy'

/**
 * Rebuilds the daily rollups of closed days (before today in each workspace's time zone):
 * the last `days` days by default, so late flushes around midnight are counted. Idempotent:
 * the days are deleted and re-inserted in one transaction per workspace.
 */
export default class RollupAnalytics {
  static async handle({
    days = 2,
    workspaceId,
    since,
    until,
  }: {
    days?: number
    workspaceId?: number
    /** Rebuild from this instant's local day instead (retention rolls up what it removes). */
    since?: Date
    /** …up to this instant's local day (exclusive); today by default. */
    until?: Date
  } = {}) {
    const workspaces = await db
      .from('workspaces')
      .select('id', 'timezone')
      .if(workspaceId, (q) => q.where('id', workspaceId!))
    for (const workspace of workspaces) {
      const zone = workspace.timezone || 'America/Sao_Paulo'
      const now = DateTime.now().setZone(zone).startOf('day')
      const today = until
        ? DateTime.min(now, DateTime.fromJSDate(until).setZone(zone).startOf('day'))
        : now
      const first = since
        ? DateTime.fromJSDate(since).setZone(zone).startOf('day')
        : today.minus({ days })
      await db.transaction(async (trx) => {
        await workspaceTable(workspace, 'analytics_daily', trx)
          .where('day', '>=', first.toISODate()!)
          .where('day', '<', today.toISODate()!)
          .delete()
        await trx.rawQuery(
          aggregateSql(
            `INSERT INTO analytics_daily (day, funnel_id, step_id, utm_source, utm_campaign, visitors, leads, checkout_views, workspace_id)
             SELECT a.day::date, a.funnel_id, a.step_id, a.utm_source, a.utm_campaign,
               a.visitors, a.leads, a.checkout_views, :workspaceId FROM (`
          ) + ') a',
          { workspaceId: workspace.id, zone, from: first.toJSDate(), to: today.toJSDate() }
        )
      })
    }
    return { workspaces: workspaces.length }
  }
}
