import { asJson } from '#types/json'
import type Funnel from '#models/funnel'
import type Workspace from '#models/workspace'
import StepTransformer from '#transformers/step_transformer'
import { publicFunnelUrl, type PublicUrlOptions } from '#services/public_url'

/**
 * `draft`: never published (issue 18 item 4; its public address is a 404 whatever `isActive`
 * says). `active`/`inactive`/`archived` keep their meaning for a published funnel.
 */
export type FunnelStatus = 'draft' | 'active' | 'inactive' | 'archived'

/** What the API and the admin pages see of a funnel. */
export default class FunnelTransformer {
  /**
   * Archived wins over the active flag: an archived funnel is not served either way; a funnel
   * never published is a draft.
   */
  static status(funnel: Funnel): FunnelStatus {
    if (funnel.archivedAt) return 'archived'
    if (!funnel.publishedPublicationId) return 'draft'
    return funnel.isActive ? 'active' : 'inactive'
  }

  /**
   * Where visitors open the funnel (public_url.ts): `http://{slug}.localhost:3333/{funnel}` in
   * development, its verified custom domain or `https://{slug}.{PUBLIC_DOMAIN}/{funnel}` otherwise.
   * `links.via` is the request the URL is shown in (its scheme and port, in development).
   */
  static publicUrl(funnel: Funnel, workspace: Workspace, links: PublicUrlOptions = {}) {
    return publicFunnelUrl(workspace, funnel.slug, null, links)
  }

  /** A list row; the step count comes from `withCount('steps')` or the preloaded steps. */
  static summary(funnel: Funnel, workspace: Workspace, links: PublicUrlOptions = {}) {
    const counted = funnel.$extras.steps_count
    return {
      id: funnel.id,
      name: funnel.name,
      slug: funnel.slug,
      description: funnel.description,
      niche: funnel.niche,
      isActive: funnel.isActive,
      status: this.status(funnel),
      settings: asJson(funnel.settings),
      stepsCount: counted !== undefined ? Number(counted) : (funnel.steps?.length ?? 0),
      publicUrl: this.publicUrl(funnel, workspace, links),
      archivedAt: funnel.archivedAt?.toISO() ?? null,
      /** When the live version was published (null: a draft never published). */
      publishedAt: funnel.publishedAt?.toISO() ?? null,
      createdAt: funnel.createdAt?.toISO() ?? null,
      updatedAt: funnel.updatedAt?.toISO() ?? null,
    }
  }

  /** A funnel with its steps in order (`steps` must be preloaded), each with its public URL. */
  static detail(funnel: Funnel, workspace: Workspace, links: PublicUrlOptions = {}) {
    return {
      ...this.summary(funnel, workspace, links),
      steps: (funnel.steps ?? []).map((step) => ({
        ...StepTransformer.transform(step),
        publicUrl: publicFunnelUrl(workspace, funnel.slug, step.slug, links),
      })),
    }
  }
}
