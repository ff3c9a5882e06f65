import type Funnel from '#models/funnel'
import type Workspace from '#models/workspace'
import StepTransformer from '#transformers/step_transformer'
import { publicDomain } from '#config/app'

export type FunnelStatus = 'active' | 'inactive' | 'archived'

/** What the API and the admin pages see of a funnel. */
export default class FunnelTransformer {
  /** Archived wins over the active flag: an archived funnel is not served either way. */
  static status(funnel: Funnel): FunnelStatus {
    if (funnel.archivedAt) return 'archived'
    return funnel.isActive ? 'active' : 'inactive'
  }

  /** `https://{workspace}.{APP_DOMAIN}/{funnel}`: where visitors open the funnel. */
  static publicUrl(funnel: Funnel, workspace: Workspace) {
    return `https://${workspace.slug}.${publicDomain}/${funnel.slug}`
  }

  /** A list row; the step count comes from `withCount('steps')` or the preloaded steps. */
  static summary(funnel: Funnel, workspace: Workspace) {
    const counted = funnel.$extras.steps_count
    return {
      id: funnel.id,
      name: funnel.name,
      slug: funnel.slug,
      description: funnel.description,
      niche: funnel.niche,
      isActive: funnel.isActive,
      status: this.status(funnel),
      settings: funnel.settings ?? {},
      stepsCount: counted !== undefined ? Number(counted) : (funnel.steps?.length ?? 0),
      publicUrl: this.publicUrl(funnel, workspace),
      archivedAt: funnel.archivedAt?.toISO() ?? null,
      createdAt: funnel.createdAt?.toISO() ?? null,
      updatedAt: funnel.updatedAt?.toISO() ?? null,
    }
  }

  /** A funnel with its steps in order (`steps` must be preloaded). */
  static detail(funnel: Funnel, workspace: Workspace) {
    return {
      ...this.summary(funnel, workspace),
      steps: (funnel.steps ?? []).map((step) => StepTransformer.transform(step)),
    }
  }
}
