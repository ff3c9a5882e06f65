import db from '@adonisjs/lucid/services/db'
import type Workspace from '#models/workspace'
import type SplitTest from '#models/split_test'
import ResolveFunnelPage from '#actions/public/resolve_funnel_page'
import { compareArms, SIGNIFICANCE_METHOD } from '#services/split_stats'

export interface VariantResult {
  variantId: number
  visitors: number
  nextStepVisitors: number
  nextStepRate: number
  buyers: number
  payments: number
  revenueCents: number
  paidRate: number
  /** Against the control (null on the control itself). */
  nextStep: ReturnType<typeof compareArms> | null
  paid: ReturnType<typeof compareArms> | null
}

interface Row {
  variant_id: number
  visitors: number
  next_step_visitors: number
  buyers: number
  payments: number
  revenue_cents: number
}

/**
 * The results of a split test, per variant, in one query. A visitor counts in the variant of
 * its first tracked view of the step (a cleared cookie could show it a second one); it
 * converted to the next step when it viewed that step afterwards; it paid when a paid payment
 * of the funnel names the variant (the checkout under test records it) or was made by that
 * visitor after its first view. Significance per metric: the Bayesian probability that the
 * variant beats the control, and the chi-square p-value (#services/split_stats).
 */
export default class SplitTestResults {
  static async handle({ workspace, test }: { workspace: Workspace; test: SplitTest }) {
    if (!test.variants) await test.load('variants')
    const ids = test.variants.map((variant) => variant.id)
    const steps = await workspace
      .related('funnelSteps')
      .query()
      .where('funnel_id', test.funnelId)
      .where('is_active', true)
      .orderBy('order_index')
    const step = steps.find((s) => s.id === test.stepId)
    const next = step ? ResolveFunnelPage.nextStep(steps, step) : null

    const { rows } = await db.rawQuery<{ rows: Row[] }>(
      `WITH exposure AS (
         SELECT DISTINCT ON (e.visitor_id) e.visitor_id, e.split_variant_id AS variant_id,
                e.created_at AS first_seen
           FROM visitor_events e
          WHERE e.workspace_id = ? AND e.split_variant_id = ANY(?::int[])
          ORDER BY e.visitor_id, e.created_at
       ),
       seen AS (
         SELECT x.variant_id, count(*)::int AS visitors,
                count(*) FILTER (WHERE EXISTS (
                  SELECT 1 FROM visitor_events n
                   WHERE n.workspace_id = ? AND n.visitor_id = x.visitor_id
                     AND n.step_id = ? AND n.created_at >= x.first_seen))::int AS next_step_visitors
           FROM exposure x
          GROUP BY x.variant_id
       ),
       paid AS (
         SELECT DISTINCT ON (p.id) p.id, p.amount_cents, p.visitor_id,
                CASE WHEN p.split_variant_id = ANY(?::int[]) THEN p.split_variant_id
                     ELSE x.variant_id END AS variant_id
           FROM payments p
           LEFT JOIN exposure x ON x.visitor_id = p.visitor_id AND p.created_at >= x.first_seen
          WHERE p.workspace_id = ? AND p.funnel_id = ? AND p.status = 'paid'
            AND p.created_at >= ?
            AND (p.split_variant_id = ANY(?::int[]) OR x.visitor_id IS NOT NULL)
          ORDER BY p.id
       ),
       bought AS (
         SELECT variant_id, count(DISTINCT COALESCE('v' || visitor_id, 'p' || id))::int AS buyers,
                count(*)::int AS payments, COALESCE(sum(amount_cents), 0)::bigint AS revenue_cents
           FROM paid GROUP BY variant_id
       )
       SELECT v.id AS variant_id, COALESCE(s.visitors, 0) AS visitors,
              COALESCE(s.next_step_visitors, 0) AS next_step_visitors,
              COALESCE(b.buyers, 0) AS buyers, COALESCE(b.payments, 0) AS payments,
              COALESCE(b.revenue_cents, 0) AS revenue_cents
         FROM unnest(?::int[]) AS v(id)
         LEFT JOIN seen s ON s.variant_id = v.id
         LEFT JOIN bought b ON b.variant_id = v.id`,
      [
        workspace.id,
        ids,
        workspace.id,
        next?.id ?? 0,
        ids,
        workspace.id,
        test.funnelId,
        test.startedAt.toISO(),
        ids,
        ids,
      ]
    )

    const byId = new Map(rows.map((row) => [row.variant_id, row]))
    const control = test.variants.find((variant) => variant.isControl) ?? test.variants[0]
    const counts = (id: number) => {
      const row = byId.get(id)
      return {
        visitors: row?.visitors ?? 0,
        nextStepVisitors: row?.next_step_visitors ?? 0,
        /** A payment whose visitor was never tracked adds revenue, not a buyer beyond the visitors. */
        buyers: Math.min(row?.buyers ?? 0, row?.visitors ?? 0),
        payments: row?.payments ?? 0,
        revenueCents: Number(row?.revenue_cents ?? 0),
      }
    }
    const base = counts(control.id)
    const variants: VariantResult[] = test.variants.map((variant) => {
      const own = counts(variant.id)
      const isControl = variant.id === control.id
      return {
        variantId: variant.id,
        ...own,
        nextStepRate: rate(own.nextStepVisitors, own.visitors),
        paidRate: rate(own.buyers, own.visitors),
        nextStep: isControl
          ? null
          : compareArms(
              { visitors: base.visitors, conversions: base.nextStepVisitors },
              { visitors: own.visitors, conversions: own.nextStepVisitors }
            ),
        paid: isControl
          ? null
          : compareArms(
              { visitors: base.visitors, conversions: base.buyers },
              { visitors: own.visitors, conversions: own.buyers }
            ),
      }
    })
    return {
      method: SIGNIFICANCE_METHOD,
      nextStep: next ? { id: next.id, name: next.name } : null,
      variants,
    }
  }
}

function rate(part: number, whole: number) {
  return whole > 0 ? Math.round((part / whole) * 10_000) / 10_000 : 0
}
