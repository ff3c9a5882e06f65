import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import type Workspace from '#models/workspace'
import {
  DELIVERY_STATUSES,
  POSTBACK_TARGETS,
  type DeliveryStatus,
  type PostbackTarget,
} from '#enums/payments'
import {
  localDay,
  whereDeliveryFilters,
  type DeliveryFilters,
} from '#actions/postbacks/list_deliveries'
import { workspaceTable } from '#services/tenancy'

/** Local days shown when no period is chosen: today and the 13 before. */
export const DEFAULT_CHART_DAYS = 14
/** A longer period shows its last year of days (one bar a day stays readable and small). */
export const MAX_CHART_DAYS = 366

export type StatusCounts = Record<DeliveryStatus, number>

export interface DestinationStats extends StatusCounts {
  target: PostbackTarget
  webhookEndpoint: { id: number; name: string | null } | null
  total: number
  /** Succeeded ÷ settled (succeeded, failed, dead): pending deliveries have no outcome yet. */
  successRate: number | null
}

/** `count(*) FILTER (WHERE scoped.status = 'pending')::int AS pending, …` (our enum, not input). */
const COUNTS = DELIVERY_STATUSES.map(
  (status) => `count(*) FILTER (WHERE scoped.status = '${status}')::int AS ${status}`
).join(', ')

/**
 * The "Entregas" chart and `GET /api/postbacks/deliveries/stats`: deliveries per local day (the
 * workspace's time zone) and per destination (target, and the endpoint for webhooks), counted
 * per status, over the list's filters but the status (the chart shows every status, like the
 * totals). The period is the filter's, else the last 14 days; see `period`.
 */
export default class DeliveryChart {
  static async handle({ workspace, filters }: { workspace: Workspace; filters: DeliveryFilters }) {
    const zone = workspace.timezone || 'America/Sao_Paulo'
    const { first, last, defaulted, clamped } = chartPeriod(filters, zone)

    const scoped = whereDeliveryFilters(workspaceTable(workspace, 'postback_deliveries'), filters)
      .where('created_at', '>=', first.toJSDate())
      .where('created_at', '<', last.plus({ days: 1 }).startOf('day').toJSDate())
      .select(db.raw('(created_at AT TIME ZONE ?)::date AS day', [zone]))
      .select('target', 'webhook_endpoint_id', 'status')

    /**
     * One statement: every local day of the period (generate_series over timestamps without
     * time zone, so the session's zone plays no part; a day without deliveries is a row of
     * zeros) joined to the filtered deliveries, counted per status by day and by destination in
     * one pass (GROUPING SETS). A destination row needs deliveries: the empty days' join would
     * otherwise add a destination of nothing.
     */
    const rows: any[] = await db
      .query()
      .with('scoped', scoped)
      .with(
        'days',
        db.raw(
          `SELECT generate_series(?::timestamp, ?::timestamp, interval '1 day')::date AS day`,
          [first.toISODate()!, last.toISODate()!]
        )
      )
      .from('days')
      .leftJoin('scoped', 'scoped.day', 'days.day')
      .select(db.raw('days.day::text AS day'), 'scoped.target', 'scoped.webhook_endpoint_id')
      .select(
        db.raw(
          `(SELECT e.name FROM webhook_endpoints e
            WHERE e.workspace_id = ? AND e.id = scoped.webhook_endpoint_id) AS endpoint_name`,
          [workspace.id]
        )
      )
      .select(db.raw(COUNTS))
      .groupByRaw('GROUPING SETS ((days.day), (scoped.target, scoped.webhook_endpoint_id))')
      .havingRaw('GROUPING(days.day) = 0 OR count(scoped.status) > 0')
      .orderBy('day')

    const countsOf = (row: any) =>
      Object.fromEntries(
        DELIVERY_STATUSES.map((status) => [status, Number(row[status])])
      ) as StatusCounts
    const days = rows
      .filter((row) => row.day !== null)
      .map((row) => ({ day: row.day as string, ...countsOf(row) }))
    const destinations: DestinationStats[] = rows
      .filter((row) => row.day === null)
      .map((row) => {
        const counts = countsOf(row)
        const settled = counts.succeeded + counts.failed + counts.dead
        return {
          target: row.target,
          webhookEndpoint:
            row.webhook_endpoint_id === null
              ? null
              : { id: Number(row.webhook_endpoint_id), name: row.endpoint_name ?? null },
          ...counts,
          total: settled + counts.pending,
          successRate: settled > 0 ? counts.succeeded / settled : null,
        }
      })
      /** A fixed order (the targets', then the endpoints' names) so live reloads do not reshuffle. */
      .sort(
        (a: DestinationStats, b: DestinationStats) =>
          POSTBACK_TARGETS.indexOf(a.target) - POSTBACK_TARGETS.indexOf(b.target) ||
          (a.webhookEndpoint?.name ?? '').localeCompare(b.webhookEndpoint?.name ?? '') ||
          (a.webhookEndpoint?.id ?? 0) - (b.webhookEndpoint?.id ?? 0)
      )

    return {
      period: { from: first.toISODate()!, to: last.toISODate()!, zone, defaulted, clamped },
      days,
      destinations,
    }
  }
}

/**
 * The chart's local days: the filter's period; without `from`, the 14 days up to `to` (today by
 * default); without `to`, up to today (or `from` itself when it is in the future); never more
 * than MAX_CHART_DAYS (the last ones are kept).
 */
function chartPeriod(filters: DeliveryFilters, zone: string) {
  const today = DateTime.now().setZone(zone).startOf('day')
  const from = filters.from ? localDay(filters.from, zone) : null
  let last = filters.to ? localDay(filters.to, zone) : today
  if (from && from > last) last = from
  let first = from ?? last.minus({ days: DEFAULT_CHART_DAYS - 1 }).startOf('day')
  const clamped = Math.round(last.diff(first, 'days').days) >= MAX_CHART_DAYS
  if (clamped) first = last.minus({ days: MAX_CHART_DAYS - 1 }).startOf('day')
  return { first, last, defaulted: !filters.from && !filters.to, clamped }
}
