import type { HttpContext } from '@adonisjs/core/http'
import FindCheckoutStep from '#actions/checkout/find_checkout_step'
import SaveCheckoutConfig from '#actions/checkout/save_checkout_config'
import RenderStepPreview from '#actions/checkout/render_step_preview'
import CheckoutConfigTransformer from '#transformers/checkout_config_transformer'
import { checkoutConfigValidator } from '#validators/checkout'
import { PREVIEW_HEADERS } from '#services/step_renderer'
import { serialize } from '#services/serialize'

/** The seed's checkout API: `/api/checkout/:funnel_id/:step_id` (read, upsert, preview). */
export default class CheckoutController {
  /** The saved configuration, or the defaults with `exists: false`. */
  async show({ workspace, params }: HttpContext) {
    const { step, config } = await this.#find(workspace, params)
    return serialize({
      checkoutConfig: CheckoutConfigTransformer.transform(step, config),
      step: CheckoutConfigTransformer.transform(step).useVariant('step'),
    })
  }

  /** Creates or replaces the configuration and bumps the step's version. */
  async update({ workspace, params, request }: HttpContext) {
    const { funnel, step } = await this.#find(workspace, params)
    const data = await request.validateUsing(checkoutConfigValidator, {
      meta: { workspaceId: workspace.id, funnelId: funnel.id, stepId: step.id },
    })
    const saved = await SaveCheckoutConfig.handle({ workspace, funnel, step, data })
    return serialize({
      checkoutConfig: CheckoutConfigTransformer.transform(saved.step, saved.config),
      step: CheckoutConfigTransformer.transform(saved.step).useVariant('step'),
    })
  }

  /** The checkout page rendered with the posted configuration, validated like `update`, not saved. */
  async preview({ workspace, params, request, response }: HttpContext) {
    const { funnel, step } = await this.#find(workspace, params)
    const data = await request.validateUsing(checkoutConfigValidator, {
      meta: { workspaceId: workspace.id, funnelId: funnel.id, stepId: step.id },
    })
    const html = await RenderStepPreview.handle({
      workspace,
      funnel,
      step,
      checkout: { unsaved: data },
    })
    for (const [name, value] of Object.entries(PREVIEW_HEADERS)) response.header(name, value)
    return response.send(html)
  }

  #find(workspace: HttpContext['workspace'], params: Record<string, any>) {
    return FindCheckoutStep.handle({
      workspace,
      funnelId: Number(params.funnelId),
      stepId: Number(params.stepId),
    })
  }
}
