import type { HttpContext } from '@adonisjs/core/http'
import FindCheckoutStep from '#actions/checkout/find_checkout_step'
import RenderStepPreview from '#actions/checkout/render_step_preview'
import { PREVIEW_HEADERS } from '#services/step_renderer'

/**
 * `GET /w/:workspaceSlug/funnels/:funnelId/steps/:stepId/preview`: any step rendered as its
 * public page in preview mode, for the funnel editor's iframe (`?v=<version>` busts caches).
 */
export default class StepPreviewsController {
  async show({ workspace, params, response }: HttpContext) {
    const { funnel, step, config } = await FindCheckoutStep.handle({
      workspace,
      funnelId: Number(params.funnelId),
      stepId: Number(params.stepId),
      checkoutOnly: false,
    })
    const html = await RenderStepPreview.handle({
      workspace,
      funnel,
      step,
      checkout: { saved: config },
    })
    for (const [name, value] of Object.entries(PREVIEW_HEADERS)) response.header(name, value)
    return response.send(html)
  }
}
