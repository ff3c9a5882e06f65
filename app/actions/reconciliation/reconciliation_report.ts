import { asJson } from '#types/json'
import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import type Workspace from '#models/workspace'
import { localDay } from '#actions/postbacks/list_deliveries'
import { conversionDestinations } from '#actions/postbacks/destinations'
import type { MismatchAction, MismatchKind } from '#actions/reconciliation/reconcile_payments'
import { workspaceTable } from '#services/tenancy'

/** Days shown when no period is chosen, and the most a period may span. */
export const DEFAULT_REPORT_DAYS = 14
export const MAX_REPORT_DAYS = 92
/** Mismatches listed at most (newest first). */
const MAX_MISMATCHES = 200

export type ReconciliationDay = {
  day: string
  /** PIX charges created that local day. */
  charges: number
  /** Of those, paid (refunds and chargebacks included: they were paid first). */
  paid: number
  /** Of the paid, those UTMify acknowledged (a succeeded `paid` delivery). */
  announced: number
  /** Mismatches the reconciliation found that day. */
  mismatches: number
}

/**
 * The "Conciliação" page and `GET /api/reconciliation`: per local day, charges, paid,
 * paid-and-announced (UTMify said 2xx to the `paid` fact) and mismatches found, plus the
 * mismatches of the period with the action taken. Everything is read from the workspace's
 * rows; the period defaults to the last 14 days and is clamped to 92.
 */
export default class ReconciliationReport {
  static async handle({
    workspace,
    filters,
  }: {
    workspace: Workspace
    filters: { from?: Date; to?: Date }
  }) {
    const zone = workspace.timezone || 'America/Sao_Paulo'
    const today = DateTime.now().setZone(zone).startOf('day')
    let last = filters.to ? localDay(filters.to, zone) : today
    const from = filters.from ? localDay(filters.from, zone) : null
    if (from && from > last) last = from
    let first = from ?? last.minus({ days: DEFAULT_REPORT_DAYS - 1 })
    const clamped = Math.round(last.diff(first, 'days').days) >= MAX_REPORT_DAYS
    if (clamped) first = last.minus({ days: MAX_REPORT_DAYS - 1 })
    const firstDay = first.toISODate()!
    const lastDay = last.toISODate()!

    /**
     * Local days from generate_series over timestamps without time zone (the session's zone
     * plays no part), joined to the payments of each day and the mismatches found that day.
     */
    const { rows } = await db.rawQuery<{ rows: any[] }>(
      `WITH days AS (
         SELECT generate_series(?::timestamp, ?::timestamp, interval '1 day')::date AS day
       ), charges AS (
         SELECT (p.created_at AT TIME ZONE ?)::date AS day,
                count(*)::int AS charges,
                count(*) FILTER (WHERE p.paid_at IS NOT NULL)::int AS paid,
                count(*) FILTER (WHERE p.paid_at IS NOT NULL AND EXISTS (
                  SELECT 1 FROM postback_deliveries d
                   WHERE d.workspace_id = p.workspace_id AND d.dedupe_key = 'utmify:' || p.id || ':paid'
                     AND d.status = 'succeeded'))::int AS announced
           FROM payments p
          WHERE p.workspace_id = ?
            AND p.created_at >= (?::timestamp AT TIME ZONE ?)
            AND p.created_at < ((?::date + 1)::timestamp AT TIME ZONE ?)
          GROUP BY 1
       ), found AS (
         SELECT detected_on AS day, count(*)::int AS mismatches
           FROM reconciliation_mismatches
          WHERE workspace_id = ? AND detected_on BETWEEN ?::date AND ?::date
          GROUP BY 1
       )
       SELECT days.day::text AS day, COALESCE(charges.charges, 0) AS charges,
              COALESCE(charges.paid, 0) AS paid, COALESCE(charges.announced, 0) AS announced,
              COALESCE(found.mismatches, 0) AS mismatches
         FROM days
         LEFT JOIN charges ON charges.day = days.day
         LEFT JOIN found ON found.day = days.day
        ORDER BY days.day`,
      [
        firstDay,
        lastDay,
        zone,
        workspace.id,
        firstDay,
        zone,
        lastDay,
        zone,
        workspace.id,
        firstDay,
        lastDay,
      ]
    )
    const days: ReconciliationDay[] = rows.map((row) => ({
      day: row.day,
      charges: Number(row.charges),
      paid: Number(row.paid),
      announced: Number(row.announced),
      mismatches: Number(row.mismatches),
    }))

    const mismatches = await workspaceTable(workspace, 'reconciliation_mismatches as m')
      .join('payments as p', (join) =>
        join.on('p.workspace_id', 'm.workspace_id').andOn('p.id', 'm.payment_id')
      )
      .whereBetween('m.detected_on', [firstDay, lastDay])
      .orderBy('m.detected_at', 'desc')
      .orderBy('m.id', 'desc')
      .limit(MAX_MISMATCHES)
      .select(
        'm.id',
        'm.kind',
        'm.ours',
        'm.theirs',
        'm.action',
        'm.details',
        db.raw('m.detected_on::text AS detected_on'),
        'm.detected_at',
        'm.payment_id',
        'p.status as payment_status',
        'p.amount_cents',
        'p.gateway',
        'p.paid_after_expiry',
        db.raw(`p.customer_data->>'name' AS customer_name`)
      )

    const totals = days.reduce(
      (sum, day) => ({
        charges: sum.charges + day.charges,
        paid: sum.paid + day.paid,
        announced: sum.announced + day.announced,
        mismatches: sum.mismatches + day.mismatches,
      }),
      { charges: 0, paid: 0, announced: 0, mismatches: 0 }
    )

    const destinations = await conversionDestinations(workspace)
    return {
      period: {
        from: firstDay,
        to: lastDay,
        zone,
        defaulted: !filters.from && !filters.to,
        clamped,
      },
      utmifyConfigured: destinations.utmify,
      days,
      totals,
      mismatches: mismatches.map((row) => ({
        id: Number(row.id),
        kind: row.kind as MismatchKind,
        ours: row.ours as string,
        theirs: (row.theirs as string | null) ?? null,
        action: row.action as MismatchAction,
        details: asJson(row.details),
        detectedOn: row.detected_on as string,
        detectedAt: DateTime.fromJSDate(row.detected_at).toISO(),
        payment: {
          id: Number(row.payment_id),
          status: row.payment_status as string,
          amountCents: Number(row.amount_cents),
          gateway: row.gateway as string,
          paidAfterExpiry: Boolean(row.paid_after_expiry),
          customerName: (row.customer_name as string | null) ?? null,
        },
      })),
    }
  }
}
