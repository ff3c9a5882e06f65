import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import type Workspace from '#models/workspace'
import { aggregateRaw, type AggregateRow } from '#actions/analytics/visitor_aggregates'

const PAYMENT_KINDS = {
  paid: ['paid'],
  pending: ['pending'],
  failed: ['failed', 'cancelled', 'expired'],
  refunded: ['refunded', 'chargedback'],
} as const

const ratio = (part: number, whole: number) => (whole > 0 ? part / whole : 0)

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

    const rolled = db
      .from('analytics_daily')
      .select(db.raw('day::text AS day'), 'funnel_id', 'step_id', 'utm_source', 'utm_campaign')
      .select('visitors', 'leads', 'checkout_views')
      .where('workspace_id', workspace.id)
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
    const payments = db
      .from('payments as p')
      .leftJoin('visitors as v', (join) =>
        join.on('v.workspace_id', 'p.workspace_id').andOn('v.id', 'p.visitor_id')
      )
      .where('p.workspace_id', workspace.id)
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
      conversion: number
      dropOff: number
    }> | null = null
    if (funnelId) {
      const funnelSteps = await workspace
        .related('funnelSteps')
        .query()
        .where('funnel_id', funnelId)
        .orderBy('order_index')
      let previous: number | null = null
      let first: number | null = null
      steps = funnelSteps.map((step) => {
        const count = sum(
          rows.filter((r) => Number(r.step_id) === step.id),
          (r) => Number(r.visitors)
        )
        first ??= count
        const dropOff = previous === null ? 0 : 1 - ratio(count, previous)
        previous = count
        return {
          id: step.id,
          name: step.name,
          visitors: count,
          conversion: ratio(count, first),
          dropOff,
        }
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
