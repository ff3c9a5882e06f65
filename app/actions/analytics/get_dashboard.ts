import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import type Workspace from '#models/workspace'
import { aggregateRaw, type AggregateRow } from '#actions/analytics/visitor_aggregates'
import { workspaceTable } from '#services/tenancy'

const PAYMENT_KINDS = {
  paid: ['paid'],
  pending: ['pending'],
  failed: ['failed', 'cancelled', 'expired'],
  refunded: ['refunded', 'chargedback'],
} as const

const ratio = (part: number, whole: number) => (whole > 0 ? part / whole : 0)

/**
 * The funnel report as a cohort: of the visitors who entered the funnel's first step between
 * `from` and `to`, how many went on to reach each later step (before `to`), each step counting
 * only those who also reached every step before it, so the counts never grow down the funnel
 * and conversion/drop-off stay within 0..100 %. Visitors who landed mid-funnel (an ad straight
 * to the checkout) are not in the cohort.
 *
 * The daily rollups count distinct visitors per day and step and cannot say who entered where,
 * so this one table is read from `visitor_events` for the whole period (closed days too): the
 * entry scan uses the (workspace_id, funnel_id, step_id, created_at) index and the follow-up per
 * visitor the (workspace_id, visitor_id, created_at) one; the answer is grouped by the set of
 * steps reached, a handful of rows whatever the traffic.
 */
async function stepCohort(params: {
  workspaceId: number
  funnelId: number
  stepIds: number[]
  from: Date
  to: Date
}): Promise<number[]> {
  const { stepIds } = params
  if (stepIds.length === 0) return []
  const { rows } = await db.rawQuery(
    `WITH entry AS (
       SELECT visitor_id, min(created_at) AS at FROM visitor_events
       WHERE workspace_id = :workspaceId AND funnel_id = :funnelId AND step_id = :firstStep
         AND created_at >= :from AND created_at < :to
         AND event_type IN ('page_view', 'checkout_view')
       GROUP BY visitor_id
     ), reached AS (
       SELECT entry.visitor_id, array_agg(DISTINCT e.step_id) AS steps
       FROM entry
       JOIN visitor_events e ON e.workspace_id = :workspaceId AND e.visitor_id = entry.visitor_id
         AND e.created_at >= entry.at AND e.created_at < :to
       WHERE e.funnel_id = :funnelId AND e.step_id = ANY(CAST(:stepIds AS int[]))
         AND e.event_type IN ('page_view', 'checkout_view')
       GROUP BY entry.visitor_id
     )
     SELECT steps, count(*)::int AS visitors FROM reached GROUP BY steps`,
    { ...params, firstStep: stepIds[0], stepIds }
  )
  const counts = stepIds.map(() => 0)
  for (const row of rows as Array<{ steps: number[]; visitors: number }>) {
    const seen = new Set(row.steps.map(Number))
    for (const [index, id] of stepIds.entries()) {
      if (!seen.has(id)) break
      counts[index] += Number(row.visitors)
    }
  }
  return counts
}

/**
 * The dashboard's numbers for local days `from`..`to` (inclusive, the workspace's time zone):
 * closed days from the rollups, today from raw events; payments from the payments table
 * (indexed by workspace and date). Revenue counts only paid payments.
 */
export default class GetDashboard {
  static async handle({
    workspace,
    from,
    to,
    funnelId,
  }: {
    workspace: Workspace
    from: string
    to: string
    funnelId?: number
  }) {
    const zone = workspace.timezone || 'America/Sao_Paulo'
    const start = DateTime.fromISO(from, { zone }).startOf('day')
    const end = DateTime.fromISO(to, { zone }).plus({ days: 1 }).startOf('day')
    const today = DateTime.now().setZone(zone).startOf('day')

    const rolled = workspaceTable(workspace, 'analytics_daily')
      .select(db.raw('day::text AS day'), 'funnel_id', 'step_id', 'utm_source', 'utm_campaign')
      .select('visitors', 'leads', 'checkout_views')
      .where('day', '>=', start.toISODate()!)
      .where('day', '<', DateTime.min(end, today).toISODate()!)
      .if(funnelId, (q) => q.where('funnel_id', funnelId!))
    const raw =
      end > today
        ? aggregateRaw({
            workspaceId: workspace.id,
            zone,
            from: DateTime.max(start, today).toJSDate(),
            to: end.toJSDate(),
          })
        : Promise.resolve([] as AggregateRow[])
    const payments = workspaceTable(workspace, 'payments as p')
      .leftJoin('visitors as v', (join) =>
        join.on('v.workspace_id', 'p.workspace_id').andOn('v.id', 'p.visitor_id')
      )
      .where('p.created_at', '>=', start.toJSDate())
      .where('p.created_at', '<', end.toJSDate())
      .if(funnelId, (q) => q.where('p.funnel_id', funnelId!))
      .select(db.raw('(p.created_at AT TIME ZONE ?)::date::text AS day', [zone]))
      .select('p.status')
      .select(db.raw('(p.parent_payment_id IS NOT NULL) AS upsell'))
      .select(db.raw("coalesce(v.utm_source, '') AS utm_source"))
      .select(db.raw("coalesce(v.utm_campaign, '') AS utm_campaign"))
      .count('* as count')
      .sum('p.amount_cents as cents')
      .groupByRaw('1, 2, 3, 4, 5')
    const [rolledRows, rawRows, paymentRows] = await Promise.all([rolled, raw, payments])
    const rows = [
      ...rolledRows,
      ...rawRows.filter((row) => !funnelId || Number(row.funnel_id) === funnelId),
    ] as AggregateRow[]
    const pays = paymentRows.map((row: any) => ({
      day: row.day as string,
      status: row.status as string,
      upsell: Boolean(row.upsell),
      utmSource: row.utm_source as string,
      utmCampaign: row.utm_campaign as string,
      count: Number(row.count),
      cents: Number(row.cents ?? 0),
    }))
    const totals = rows.filter((row) => Number(row.step_id) === 0)
    const sum = <T>(list: T[], pick: (item: T) => number) =>
      list.reduce((total, item) => total + pick(item), 0)
    const paid = pays.filter((p) => p.status === 'paid')

    const visitors = sum(totals, (r) => Number(r.visitors))
    const pixPaid = sum(paid, (p) => p.count)
    const revenueCents = sum(paid, (p) => p.cents)
    const mainPaid = sum(
      paid.filter((p) => !p.upsell),
      (p) => p.count
    )
    const upsellPaid = pixPaid - mainPaid

    const kpis = {
      visitors,
      leads: sum(totals, (r) => Number(r.leads)),
      checkoutViews: sum(totals, (r) => Number(r.checkout_views)),
      pixGenerated: sum(
        pays.filter((p) => !p.upsell),
        (p) => p.count
      ),
      pixPaid,
      revenueCents,
      conversion: ratio(mainPaid, visitors),
      averageTicketCents: mainPaid > 0 ? Math.round(revenueCents / mainPaid) : 0,
      upsellTakeRate: ratio(upsellPaid, mainPaid),
    }

    const days: string[] = []
    for (let day = start; day < end; day = day.plus({ days: 1 })) days.push(day.toISODate()!)
    const series = days.map((day) => ({
      day,
      visitors: sum(
        totals.filter((r) => r.day === day),
        (r) => Number(r.visitors)
      ),
      leads: sum(
        totals.filter((r) => r.day === day),
        (r) => Number(r.leads)
      ),
      pixPaid: sum(
        paid.filter((p) => p.day === day),
        (p) => p.count
      ),
      revenueCents: sum(
        paid.filter((p) => p.day === day),
        (p) => p.cents
      ),
    }))

    let steps: Array<{
      id: number
      name: string
      visitors: number
      conversion: number | null
      dropOff: number | null
    }> | null = null
    if (funnelId) {
      const funnelSteps = await workspace
        .related('funnelSteps')
        .query()
        .where('funnel_id', funnelId)
        .orderBy('order_index')
      const reached = await stepCohort({
        workspaceId: workspace.id,
        funnelId,
        stepIds: funnelSteps.map((step) => step.id),
        from: start.toJSDate(),
        to: end.toJSDate(),
      })
      let previous: number | null = null
      const first = reached[0] ?? 0
      steps = funnelSteps.map((step, index) => {
        const count = reached[index] ?? 0
        // A ratio over nobody is not 0 % nor 100 %: the table shows "—" (null).
        const conversion = first > 0 ? count / first : null
        const dropOff = previous !== null && previous > 0 ? 1 - count / previous : null
        previous = count
        return { id: step.id, name: step.name, visitors: count, conversion, dropOff }
      })
    }

    const by = (key: 'utm_source' | 'utm_campaign', payKey: 'utmSource' | 'utmCampaign') => {
      const keys = new Set([...totals.map((r) => r[key]), ...paid.map((p) => p[payKey])])
      return [...keys]
        .map((value) => {
          const v = sum(
            totals.filter((r) => r[key] === value),
            (r) => Number(r.visitors)
          )
          const mine = paid.filter((p) => p[payKey] === value)
          const orders = sum(
            mine.filter((p) => !p.upsell),
            (p) => p.count
          )
          return {
            value: value || null,
            visitors: v,
            pixPaid: sum(mine, (p) => p.count),
            revenueCents: sum(mine, (p) => p.cents),
            conversion: ratio(orders, v),
          }
        })
        .sort((a, b) => b.revenueCents - a.revenueCents || b.visitors - a.visitors)
    }

    const paymentsByStatus = Object.fromEntries(
      Object.entries(PAYMENT_KINDS).map(([kind, statuses]) => {
        const mine = pays.filter((p) => (statuses as readonly string[]).includes(p.status))
        return [kind, { count: sum(mine, (p) => p.count), cents: sum(mine, (p) => p.cents) }]
      })
    ) as Record<keyof typeof PAYMENT_KINDS, { count: number; cents: number }>

    return {
      period: { from: start.toISODate(), to: end.minus({ days: 1 }).toISODate(), zone },
      kpis,
      series,
      steps,
      bySource: by('utm_source', 'utmSource'),
      byCampaign: by('utm_campaign', 'utmCampaign'),
      paymentsByStatus,
    }
  }
}
