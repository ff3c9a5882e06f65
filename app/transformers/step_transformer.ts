import { asJson } from '#types/json'
import type FunnelStep from '#models/funnel_step'

/** What the API and the builder see of a step. */
export default class StepTransformer {
  static transform(step: FunnelStep) {
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
}
