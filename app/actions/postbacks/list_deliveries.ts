import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import type { ModelQueryBuilderContract } from '@adonisjs/lucid/types/model'
import type Workspace from '#models/workspace'
import type PostbackDelivery from '#models/postback_delivery'
import { DELIVERY_STATUSES, type DeliveryStatus, type PostbackTarget } from '#enums/payments'
import { workspaceTable } from '#services/tenancy'

export interface DeliveryFilters {
  status?: DeliveryStatus
  target?: PostbackTarget
  event?: string
  paymentId?: number
  webhookEndpointId?: number
  from?: Date
  to?: Date
  page?: number
  perPage?: number
}

export type DeliveryTotals = Record<DeliveryStatus, number>

/** A list row's columns: everything but the request body (the detail has it) and the dedupe key. */
const SUMMARY_COLUMNS = [
  'id',
  'workspace_id',
  'target',
  'event',
  'payment_id',
  'visitor_id',
  'webhook_endpoint_id',
  'status',
  'response_status',
  'response_excerpt',
  'duration_ms',
  'attempts',
  'next_attempt_at',
  'last_error',
  'delivered_at',
  'created_at',
  'updated_at',
].map((column) => `postback_deliveries.${column}`)

/**
 * Adds the webhook endpoint's name (`$extras.endpoint_name`) to a deliveries query, in the same
 * statement: a list shows "Webhook “CRM”" without one query per row. The endpoint is matched
 * inside the delivery's workspace.
 */
export function withEndpointName<Q extends ModelQueryBuilderContract<typeof PostbackDelivery>>(
  query: Q
) {
  return query.select(
    db.raw(`(SELECT e.name FROM webhook_endpoints e
      WHERE e.workspace_id = postback_deliveries.workspace_id
        AND e.id = postback_deliveries.webhook_endpoint_id) AS endpoint_name`)
  )
}

/** The workspace's deliveries as list rows (also the payment page's deliveries). */
export function deliveryRows(workspace: Workspace) {
  return withEndpointName(workspace.related('postbackDeliveries').query().select(SUMMARY_COLUMNS))
}

/**
 * A filter's day (`YYYY-MM-DD`, parsed by VineJS at the server's midnight) as the start of that
 * local day in the workspace's time zone.
 */
export function localDay(value: Date, zone: string) {
  return DateTime.fromJSDate(value).setZone(zone, { keepLocalTime: true }).startOf('day')
}

/**
 * The list's filters but the status and the period (destination, event, payment, webhook
 * endpoint), on any deliveries query already scoped to the workspace: the list, its totals and
 * the chart (DeliveryChart) count the same rows.
 */
export function whereDeliveryFilters<Q extends { where: Function }>(
  query: Q,
  filters: DeliveryFilters
) {
  if (filters.target) query.where('target', filters.target)
  if (filters.event) query.where('event', filters.event)
  if (filters.paymentId) query.where('payment_id', filters.paymentId)
  if (filters.webhookEndpointId) query.where('webhook_endpoint_id', filters.webhookEndpointId)
  return query
}

/**
 * The deliveries log ("Entregas", `GET /api/postbacks/deliveries`): the workspace's postback
 * deliveries filtered by status, destination, event, payment, webhook endpoint and period (days
 * in the workspace's time zone), newest first, paginated; with counts per status over the same
 * filters but the status itself, in one grouped query, so the summary still shows the other
 * statuses while the list shows one.
 */
export default class ListDeliveries {
  static async handle({ workspace, filters }: { workspace: Workspace; filters: DeliveryFilters }) {
    const zone = workspace.timezone || 'America/Sao_Paulo'
    const from = filters.from ? localDay(filters.from, zone) : null
    const to = filters.to ? localDay(filters.to, zone).endOf('day') : null

    const scope = <Q extends { where: Function }>(query: Q) => {
      whereDeliveryFilters(query, filters)
      if (from) query.where('created_at', '>=', from.toJSDate())
      if (to) query.where('created_at', '<=', to.toJSDate())
      return query
    }

    const list = scope(deliveryRows(workspace))
      .if(filters.status, (q) => q.where('status', filters.status!))
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .paginate(filters.page ?? 1, filters.perPage ?? 25)

    const grouped = scope(workspaceTable(workspace, 'postback_deliveries'))
      .select('status')
      .count('* as count')
      .groupBy('status')

    const [deliveries, rows] = await Promise.all([list, grouped])
    const totals = Object.fromEntries(
      DELIVERY_STATUSES.map((status) => [
        status,
        Number(rows.find((row: any) => row.status === status)?.count ?? 0),
      ])
    ) as DeliveryTotals
    return { deliveries, totals }
  }

  /** What the filter bar offers: the workspace's webhook endpoints and the events it has sent. */
  static async options(workspace: Workspace) {
    const [endpoints, events] = await Promise.all([
      workspace.related('webhookEndpoints').query().select('id', 'name').orderBy('name'),
      /**
       * The distinct events by a loose index scan of (workspace_id, event, created_at): one
       * index probe per event, whatever the size of the log (DISTINCT would read every row).
       */
      db.rawQuery(
        `WITH RECURSIVE events AS (
           (SELECT event FROM postback_deliveries WHERE workspace_id = ? ORDER BY event LIMIT 1)
           UNION ALL
           SELECT (SELECT p.event FROM postback_deliveries p
                    WHERE p.workspace_id = ? AND p.event > events.event
                    ORDER BY p.event LIMIT 1)
             FROM events WHERE events.event IS NOT NULL
         )
         SELECT event FROM events WHERE event IS NOT NULL LIMIT 100`,
        [workspace.id, workspace.id]
      ),
    ])
    return {
      endpoints: endpoints.map((endpoint) => ({ id: endpoint.id, name: endpoint.name })),
      events: events.rows.map((row: { event: string }) => row.event),
    }
  }
}
