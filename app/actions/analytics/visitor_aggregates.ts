import db from '@adonisjs/lucid/services/db'

export interface AggregateRow {
  day: string
  funnel_id: number
  step_id: number
  utm_source: string
  utm_campaign: string
  visitors: number
  leads: number
  checkout_views: number
}

/**
 * The one definition of the dashboard's visitor numbers, used both to build the daily rollups
 * and to read the still-open day from raw events (so both answers agree by construction):
 * distinct visitors per local day, funnel, step and first-touch utm; `step_id = 0` rows count
 * the funnel as a whole.
 */
export function aggregateSql(select: string) {
  return `
    ${select}
    SELECT x.day::text AS day, x.funnel_id,
      CASE WHEN GROUPING(x.step_id) = 1 THEN 0 ELSE coalesce(x.step_id, 0) END AS step_id,
      x.utm_source, x.utm_campaign,
      count(DISTINCT x.visitor_id) FILTER (WHERE x.event_type IN ('page_view', 'checkout_view'))::int AS visitors,
      count(DISTINCT x.visitor_id) FILTER (WHERE x.event_type = 'form_submit')::int AS leads,
      count(DISTINCT x.visitor_id) FILTER (WHERE x.event_type = 'checkout_view')::int AS checkout_views
    FROM (
      SELECT (e.created_at AT TIME ZONE :zone)::date AS day, coalesce(e.funnel_id, 0) AS funnel_id,
        e.step_id, e.visitor_id, e.event_type,
        coalesce(v.utm_source, '') AS utm_source, coalesce(v.utm_campaign, '') AS utm_campaign
      FROM visitor_events e
      JOIN visitors v ON v.workspace_id = e.workspace_id AND v.id = e.visitor_id
      WHERE e.workspace_id = :workspaceId AND e.created_at >= :from AND e.created_at < :to
    ) x
    GROUP BY GROUPING SETS (
      (x.day, x.funnel_id, x.utm_source, x.utm_campaign, x.step_id),
      (x.day, x.funnel_id, x.utm_source, x.utm_campaign)
    )`
}

/** Raw-event aggregates of one workspace between two instants. */
export async function aggregateRaw(params: {
  workspaceId: number
  zone: string
  from: Date
  to: Date
}): Promise<AggregateRow[]> {
  const { rows } = await db.rawQuery(aggregateSql(''), params)
  return rows
}
