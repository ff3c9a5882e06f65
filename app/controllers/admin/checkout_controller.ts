import type { HttpContext } from '@adonisjs/core/http'
import FindCheckoutStep from '#actions/checkout/find_checkout_step'
import SaveCheckoutConfig from '#actions/checkout/save_checkout_config'
import RenderStepPreview from '#actions/checkout/render_step_preview'
import CheckoutConfigTransformer from '#transformers/checkout_config_transformer'
import { checkoutConfigValidator } from '#validators/checkout'
import { PREVIEW_HEADERS } from '#services/step_renderer'
import { t } from '#services/i18n'

/** The checkout editor: form on the left, live preview of the unsaved values on the right. */
export default class CheckoutController {
  async edit({ workspace, params, inertia }: HttpContext) {
    const { funnel, step, config } = await this.#find(workspace, params)
    /** The funnel came from the workspace; its steps share its workspace (composite key). */
    const steps = await funnel.related('steps').query()
    const base = `/w/${workspace.slug}/funnels/${funnel.id}`

    return inertia.render('checkout/edit', {
      funnel: { id: funnel.id, name: funnel.name, slug: funnel.slug, url: base },
      step: CheckoutConfigTransformer.transform(step).useVariant('step'),
      checkoutConfig: CheckoutConfigTransformer.transform(step, config),
      upsellOptions: steps
        .filter((other) => other.id !== step.id)
        .map((other) => ({ id: other.id, name: other.name, stepType: other.stepType })),
      urls: {
        save: `${base}/checkout/${step.id}`,
        preview: `${base}/checkout/${step.id}/preview`,
        savedPreview: `${base}/steps/${step.id}/preview?v=${step.version}`,
      },
    })
  }

  async update(ctx: HttpContext) {
    const { workspace, params, request, response, session } = ctx
    const { funnel, step } = await this.#find(workspace, params)
    const data = await request.validateUsing(checkoutConfigValidator, {
      meta: { workspaceId: workspace.id, funnelId: funnel.id, stepId: step.id },
    })
    await SaveCheckoutConfig.handle({ workspace, funnel, step, data })
    session.flash('success', t(ctx.locale, 'checkout.saved'))
    return response.redirect().back()
  }

  /** The unsaved form values rendered as the checkout page (validated like `update`, never stored). */
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
