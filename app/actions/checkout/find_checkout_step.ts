import type Workspace from '#models/workspace'
import type Funnel from '#models/funnel'
import type FunnelStep from '#models/funnel_step'
import type CheckoutConfig from '#models/checkout_config'

interface Params {
  workspace: Workspace
  funnelId: number
  stepId: number
  /** Only a checkout step qualifies (the default); the step preview accepts every type. */
  checkoutOnly?: boolean
}

/**
 * A funnel of the workspace, one of its steps and, for a checkout step, its saved
 * configuration (null before the first save). Another workspace's funnel, a step of another
 * funnel or a step of the wrong type is a 404 (`firstOrFail`).
 */
export default class FindCheckoutStep {
  static async handle({ workspace, funnelId, stepId, checkoutOnly = true }: Params): Promise<{
    funnel: Funnel
    step: FunnelStep
    config: CheckoutConfig | null
  }> {
    const funnel = await workspace.related('funnels').query().where('id', funnelId).firstOrFail()
    const stepQuery = funnel.related('steps').query().where('id', stepId)
    if (checkoutOnly) stepQuery.where('step_type', 'checkout')
    const step = await stepQuery.firstOrFail()
    const config =
      step.stepType === 'checkout'
        ? await workspace
            .related('checkoutConfigs')
            .query()
            .where('funnel_id', funnel.id)
            .where('step_id', step.id)
            .first()
        : null
    return { funnel, step, config }
  }
}
