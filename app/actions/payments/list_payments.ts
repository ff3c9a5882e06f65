import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import type Workspace from '#models/workspace'
import type { PaymentStatus } from '#enums/payments'
import { workspaceTable } from '#services/tenancy'

export interface PaymentFilters {
  status?: PaymentStatus
  funnelId?: number
  from?: Date
  to?: Date
  page?: number
  perPage?: number
}

/** Which statuses each total adds up. */
const TOTALS = {
  paid: ['paid'],
  pending: ['pending'],
  failed: ['failed', 'cancelled', 'expired'],
  refunded: ['refunded', 'chargedback'],
} as const

/**
 * The admin's payments list: the workspace's payments filtered by status, funnel and period
 * (days in the workspace's time zone), newest first, paginated; with totals per kind over the
 * same funnel and period (paid revenue, pending, failed and refunded apart).
 */
export default class ListPayments {
  static async handle({ workspace, filters }: { workspace: Workspace; filters: PaymentFilters }) {
    const zone = workspace.timezone || 'America/Sao_Paulo'
    const from = filters.from
      ? DateTime.fromJSDate(filters.from).setZone(zone, { keepLocalTime: true }).startOf('day')
      : null
    const to = filters.to
      ? DateTime.fromJSDate(filters.to).setZone(zone, { keepLocalTime: true }).endOf('day')
      : null

    const scope = <Q extends { where: Function }>(query: Q) => {
      if (filters.funnelId) query.where('funnel_id', filters.funnelId)
      if (from) query.where('created_at', '>=', from.toJSDate())
      if (to) query.where('created_at', '<=', to.toJSDate())
      return query
    }

    const list = scope(workspace.related('payments').query())
      .if(filters.status, (q) => q.where('status', filters.status!))
      .select('payments.*')
      /** Why a failed payment failed (its `failed` transition's reason): "Falha no gateway" or "Recusado". */
      .select(
        db.raw(`CASE WHEN payments.status = 'failed' THEN (
          SELECT t.details->>'reason' FROM payment_transitions t
           WHERE t.workspace_id = payments.workspace_id AND t.payment_id = payments.id
             AND t.to_status = 'failed'
           ORDER BY t.id DESC LIMIT 1) END AS failure_reason`)
      )
      .preload('funnel', (q) => q.select('id', 'name', 'workspace_id'))
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .paginate(filters.page ?? 1, filters.perPage ?? 25)

    const grouped = scope(workspaceTable(workspace, 'payments'))
      .select('status')
      .count('* as count')
      .sum('amount_cents as cents')
      .groupBy('status')

    const [payments, rows] = await Promise.all([list, grouped])
    const totals = Object.fromEntries(
      Object.entries(TOTALS).map(([kind, statuses]) => {
        const matching = rows.filter((row: any) =>
          (statuses as readonly string[]).includes(row.status)
        )
        return [
          kind,
          {
            count: matching.reduce((sum: number, row: any) => sum + Number(row.count), 0),
            cents: matching.reduce((sum: number, row: any) => sum + Number(row.cents ?? 0), 0),
          },
        ]
      })
    ) as Record<keyof typeof TOTALS, { count: number; cents: number }>
    return { payments, totals }
  }
}
