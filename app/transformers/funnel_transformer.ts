import { BaseTransformer } from '@adonisjs/core/transformers'
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

/**
 * What the API and the admin pages see of a funnel. `toObject` is a list row, `detail` adds the
 * steps. Public URLs (public_url.ts) are `http://{slug}.localhost:3333/{funnel}` in development,
 * the verified custom domain or `https://{slug}.{PUBLIC_DOMAIN}/{funnel}` otherwise; `links.via`
 * is the request the URL is shown in (its scheme and port, in development).
 */
export default class FunnelTransformer extends BaseTransformer<Funnel> {
  constructor(
    funnel: Funnel,
    protected workspace: Workspace,
    protected links: PublicUrlOptions = {}
  ) {
    super(funnel)
  }

  /**
   * Archived wins over the active flag: an archived funnel is not served either way; a funnel
   * never published is a draft.
   */
  static status(funnel: Funnel): FunnelStatus {
    if (funnel.archivedAt) return 'archived'
    if (!funnel.publishedPublicationId) return 'draft'
    return funnel.isActive ? 'active' : 'inactive'
  }

  /** A list row; the step count comes from `withCount('steps')` or the preloaded steps. */
  toObject() {
    const funnel = this.resource
    const counted = funnel.$extras.steps_count
    return {
      id: funnel.id,
      name: funnel.name,
      slug: funnel.slug,
      description: funnel.description,
      niche: funnel.niche,
      isActive: funnel.isActive,
      status: FunnelTransformer.status(funnel),
      settings: asJson(funnel.settings),
      stepsCount: counted !== undefined ? Number(counted) : (funnel.steps?.length ?? 0),
      publicUrl: publicFunnelUrl(this.workspace, funnel.slug, null, this.links),
      archivedAt: funnel.archivedAt?.toISO() ?? null,
      /** When the live version was published (null: a draft never published). */
      publishedAt: funnel.publishedAt?.toISO() ?? null,
      createdAt: funnel.createdAt?.toISO() ?? null,
      updatedAt: funnel.updatedAt?.toISO() ?? null,
    }
  }

  /** A funnel with its steps in order (`steps` must be preloaded), each with its public URL. */
  detail() {
    const place = { workspace: this.workspace, funnelSlug: this.resource.slug, links: this.links }
    return {
      ...this.toObject(),
      steps: StepTransformer.transform(this.resource.steps ?? [], place).useVariant('inFunnel'),
    }
  }
}
