import db from '@adonisjs/lucid/services/db'
import type Workspace from '#models/workspace'
import { siteOrigin } from '#actions/buyer_emails/compose_buyer_email'
import { workspaceTable } from '#services/tenancy'

export const RECOVERY_STATUSES = ['abandoned', 'pix_expired', 'recovered'] as const
export type RecoveryStatus = (typeof RECOVERY_STATUSES)[number]

export interface RecoveryFilters {
  status?: RecoveryStatus
  from?: Date
  to?: Date
  page?: number
}

const PER_PAGE = 25

/**
 * "Recuperação": the workspace's checkout sessions worth recovering — abandoned, PIX expired
 * and recovered — newest first, with their one-click recovery link and the totals (recovered
 * revenue included) over the same period.
 */
export default class ListCheckoutSessions {
  static async handle(workspace: Workspace, filters: RecoveryFilters, { all = false } = {}) {
    const base = () => {
      const query = workspaceTable(workspace, 'checkout_sessions as cs')
        .join('funnel_steps as st', 'st.id', 'cs.step_id')
        .join('funnels as f', 'f.id', 'st.funnel_id')
        .whereIn('cs.status', filters.status ? [filters.status] : [...RECOVERY_STATUSES])
      if (filters.from) query.where('cs.created_at', '>=', filters.from)
      if (filters.to) query.where('cs.created_at', '<', new Date(filters.to.getTime() + 86_400_000))
      return query
    }
    const page = Math.max(1, filters.page ?? 1)
    const rows = await base()
      .select(
        'cs.id',
        'cs.token',
        'cs.name',
        'cs.email',
        'cs.phone',
        'cs.status',
        'cs.amount_cents',
        'cs.recovered_cents',
        'cs.payment_id',
        'cs.abandoned_at',
        'cs.recovered_at',
        'cs.created_at',
        'cs.consented_at',
        'f.name as funnel_name',
        'f.slug as funnel_slug',
        'st.slug as step_slug'
      )
      .orderBy('cs.created_at', 'desc')
      .orderBy('cs.id', 'desc')
      .if(!all, (q) => q.limit(PER_PAGE).offset((page - 1) * PER_PAGE))
      .if(all, (q) => q.limit(10_000))
    const [totals] = await base()
      .clearSelect()
      .select(
        db.raw(`count(*) FILTER (WHERE cs.status = 'abandoned')::int AS abandoned`),
        db.raw(`count(*) FILTER (WHERE cs.status = 'pix_expired')::int AS pix_expired`),
        db.raw(`count(*) FILTER (WHERE cs.status = 'recovered')::int AS recovered`),
        db.raw(
          `COALESCE(sum(cs.recovered_cents) FILTER (WHERE cs.status = 'recovered'), 0)::bigint AS recovered_cents`
        ),
        db.raw('count(*)::int AS total')
      )
    const origin = siteOrigin(workspace)
    return {
      rows: rows.map((row) => ({
        id: Number(row.id),
        name: row.name as string | null,
        email: row.email as string | null,
        phone: row.phone as string | null,
        status: row.status as RecoveryStatus,
        funnelName: row.funnel_name as string,
        amountCents: row.amount_cents === null ? null : Number(row.amount_cents),
        recoveredCents: row.recovered_cents === null ? null : Number(row.recovered_cents),
        paymentId: row.payment_id === null ? null : Number(row.payment_id),
        createdAt: new Date(row.created_at).toISOString(),
        abandonedAt: row.abandoned_at ? new Date(row.abandoned_at).toISOString() : null,
        recoveredAt: row.recovered_at ? new Date(row.recovered_at).toISOString() : null,
        consentedAt: row.consented_at ? new Date(row.consented_at).toISOString() : null,
        recoveryUrl: `${origin}/${row.funnel_slug}/${row.step_slug}?recover=${row.token}`,
      })),
      totals: {
        abandoned: Number(totals.abandoned),
        pixExpired: Number(totals.pix_expired),
        recovered: Number(totals.recovered),
        recoveredCents: Number(totals.recovered_cents),
      },
      meta: { page, perPage: PER_PAGE, total: Number(totals.total) },
    }
  }
}

/** Recovered revenue of a workspace in [since, until) (the dashboard's figure). */
export async function recoveredRevenue(workspace: Workspace, since: Date, until: Date) {
  const [row] = await workspaceTable(workspace, 'checkout_sessions')
    .where('status', 'recovered')
    .where('recovered_at', '>=', since)
    .where('recovered_at', '<', until)
    .select(
      db.raw('COALESCE(sum(recovered_cents), 0)::bigint AS cents'),
      db.raw('count(*)::int AS count')
    )
  return { cents: Number(row.cents), count: Number(row.count) }
}
