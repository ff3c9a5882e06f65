import type Workspace from '#models/workspace'
import type FunnelStep from '#models/funnel_step'
import { TtlCache } from '#services/ttl_cache'
import { liveSite } from '#services/funnel_publication'

type Page = NonNullable<Awaited<ReturnType<typeof ResolveFunnelPage.lookup>>>

/** Resolved pages for 2 s: edits show within seconds, spikes do not reach PostgreSQL per request. */
const pages = new TtlCache<Page | null>(2_000)

/**
 * Finds what a public URL shows: an active, unarchived, *published* funnel of the host's
 * workspace by slug, and one of the active steps of its published version by slug (the first
 * one when the URL names none). The steps and the checkout configuration come from the
 * publication (issue 18 item 4): edits to the draft never reach visitors before "Publicar".
 * A draft never published is a 404.
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
      .whereNotNull('published_publication_id')
      .first()
    if (!funnel) return null
    const site = await liveSite(funnel)
    if (!site || site.steps.length === 0) return null

    const step = stepSlug ? site.steps.find((s) => s.slug === stepSlug) : site.steps[0]
    if (!step) return null

    const pixels = await funnel
      .related('trackingPixels')
      .query()
      .where('is_active', true)
      .where((q) => q.whereNull('step_id').orWhere('step_id', step.id))
      .orderBy('id')
    const checkoutConfig = step.stepType === 'checkout' ? (site.configs.get(step.id) ?? null) : null
    return {
      funnel,
      step,
      steps: site.steps,
      checkoutConfig,
      pixels,
      publicationId: site.publicationId,
    }
  }

  /**
   * Forgets a funnel's resolved pages in this process, so a publish shows at once here (other
   * processes follow within the 2 s of their micro-cache).
   */
  static forgetFunnel(workspaceId: number, funnelSlug: string) {
    pages.forgetPrefix(`${workspaceId}/${funnelSlug}/`)
  }

  /** The step after `step` in the funnel's active order, honouring a content `nextStepId`. */
  static nextStep(steps: FunnelStep[], step: FunnelStep) {
    const wanted = Number((step.content as Record<string, unknown>)?.nextStepId)
    const chosen = Number.isInteger(wanted) ? steps.find((s) => s.id === wanted) : undefined
    return chosen ?? steps[steps.findIndex((s) => s.id === step.id) + 1] ?? null
  }
}
