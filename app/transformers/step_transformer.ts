import { BaseTransformer } from '@adonisjs/core/transformers'
import { asJson } from '#types/json'
import type FunnelStep from '#models/funnel_step'
import type Workspace from '#models/workspace'
import { publicFunnelUrl, type PublicUrlOptions } from '#services/public_url'

/** Where a step of a funnel is served: given by FunnelTransformer's `detail` variant. */
export type StepPlace = { workspace: Workspace; funnelSlug: string; links: PublicUrlOptions }

/** What the API and the builder see of a step. */
export default class StepTransformer extends BaseTransformer<FunnelStep> {
  constructor(
    step: FunnelStep,
    protected place?: StepPlace
  ) {
    super(step)
  }

  toObject() {
    const step = this.resource
    return {
      id: step.id,
      funnelId: step.funnelId,
      name: step.name,
      slug: step.slug,
      stepType: step.stepType,
      orderIndex: step.orderIndex,
      isActive: step.isActive,
      settings: asJson(step.settings),
      content: asJson(step.content),
      /** The block editor's page (issue 18); null while the step draws from `content`. */
      page: step.page ?? null,
      version: step.version,
      createdAt: step.createdAt?.toISO() ?? null,
      updatedAt: step.updatedAt?.toISO() ?? null,
    }
  }

  /** A step inside its funnel's detail, with where visitors open it. */
  inFunnel() {
    const place = this.place!
    return {
      ...this.toObject(),
      publicUrl: publicFunnelUrl(
        place.workspace,
        place.funnelSlug,
        this.resource.slug,
        place.links
      ),
    }
  }
}
