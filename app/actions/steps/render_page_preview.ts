import type Workspace from '#models/workspace'
import type Funnel from '#models/funnel'
import type FunnelStep from '#models/funnel_step'
import type CheckoutConfig from '#models/checkout_config'
import type { StepType } from '#enums/funnels'
import RenderPublicStep from '#actions/public/render_public_step'
import { normalizeCheckoutConfig } from '#services/step_renderer/checkout_data'
import { validateStepContent } from '#validators/step'
import type { StepPage } from '../../types/step_page.js'

interface Params {
  workspace: Workspace
  funnel: Funnel
  step: FunnelStep
  config: CheckoutConfig | null
  /** The editor's unsaved page (validated for the step's type). */
  page: StepPage
  /** The editor's unsaved content, when it sends one; the saved content otherwise. */
  content?: Record<string, unknown>
}

/**
 * The block editor's live preview: an unsaved page (and content) drawn by the public renderer
 * in preview mode, on a copy of the step. Nothing is written: the step keeps its page, content
 * and version. Unsaved content is validated like a save (422 with `content.*` errors).
 */
export default class RenderPagePreview {
  static async handle({ workspace, funnel, step, config, page, content }: Params) {
    let shownContent = step.content
    if (content !== undefined) {
      const others = await funnel.related('steps').query().whereNot('id', step.id).select('id')
      shownContent = (await validateStepContent({
        stepType: step.stepType as StepType,
        content,
        stepIds: others.map((other) => other.id),
      })) as Record<string, unknown>
    }
    return RenderPublicStep.preview({
      workspace,
      funnel,
      step: {
        id: step.id,
        name: step.name,
        slug: step.slug,
        stepType: step.stepType,
        settings: step.settings,
        version: step.version,
        content: shownContent,
        page,
      } as unknown as FunnelStep,
      checkoutConfig: config ? normalizeCheckoutConfig(step, config) : null,
    })
  }
}
