import type Workspace from '#models/workspace'
import type FunnelStep from '#models/funnel_step'
import { TtlCache } from '#services/ttl_cache'

type Page = NonNullable<Awaited<ReturnType<typeof ResolveFunnelPage.lookup>>>

/** Resolved pages for 2 s: edits show within seconds, spikes do not reach PostgreSQL per request. */
const pages = new TtlCache<Page | null>(2_000)

/**
 * Finds what a public URL shows: an active, unarchived funnel of the host's workspace by slug,
 * and one of its active steps by slug (the first active one when the URL names none). Two
 * queries: the funnel with its active steps, then the step's checkout config and the pixels.
 */
export default class ResolveFunnelPage {
  static async handle(params: { workspace: Workspace; funnelSlug: string; stepSlug?: string }) {
    const key = `${params.workspace.id}/${params.funnelSlug}/${params.stepSlug ?? ''}`
    return pages.remember(key, () => this.lookup(params))
  }

  static async lookup({
    workspace,
    funnelSlug,
    stepSlug,
  }: {
    workspace: Workspace
    funnelSlug: string
    stepSlug?: string
  }) {
    const funnel = await workspace
      .related('funnels')
      .query()
      .where('slug', funnelSlug)
      .where('is_active', true)
      .whereNull('archived_at')
      .preload('steps', (q) => q.where('is_active', true))
      .first()
    if (!funnel || funnel.steps.length === 0) return null

    const step = stepSlug ? funnel.steps.find((s) => s.slug === stepSlug) : funnel.steps[0]
    if (!step) return null

    const [checkoutConfig, pixels] = await Promise.all([
      step.stepType === 'checkout'
        ? funnel.related('checkoutConfigs').query().where('step_id', step.id).first()
        : null,
      funnel
        .related('trackingPixels')
        .query()
        .where('is_active', true)
        .where((q) => q.whereNull('step_id').orWhere('step_id', step.id))
        .orderBy('id'),
    ])
    return { funnel, step, steps: funnel.steps, checkoutConfig, pixels }
  }

  /** The step after `step` in the funnel's active order, honouring a content `nextStepId`. */
  static nextStep(steps: FunnelStep[], step: FunnelStep) {
    const wanted = Number((step.content as Record<string, unknown>)?.nextStepId)
    const chosen = Number.isInteger(wanted) ? steps.find((s) => s.id === wanted) : undefined
    return chosen ?? steps[steps.findIndex((s) => s.id === step.id) + 1] ?? null
  }
}
