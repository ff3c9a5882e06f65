import type { HttpContext } from '@adonisjs/core/http'
import FindCheckoutStep from '#actions/checkout/find_checkout_step'
import SaveStepPage from '#actions/steps/save_step_page'
import RenderPagePreview from '#actions/steps/render_page_preview'
import { PREVIEW_HEADERS } from '#services/step_renderer'
import { stepPagePreviewValidator, stepPageValidator } from '#validators/step_page'
import type { StepType } from '#enums/funnels'
import type { StepPage } from '../../types/step_page.js'

/**
 * The block editor's JSON endpoints for one step's page (app/types/step_page.ts):
 * `PUT …/steps/:stepId/page` saves it, `POST …/steps/:stepId/preview` draws an unsaved one.
 * Another workspace's funnel or step, or a step of another funnel, is a 404.
 */
export default class StepPagesController {
  /** Saves the page; answers the stored page and the step's new version (422 on bad blocks). */
  async update({ workspace, params, request, response }: HttpContext) {
    const { funnel, step } = await this.#find(workspace, params)
    const page = await request.validateUsing(stepPageValidator, {
      meta: { stepType: step.stepType as StepType },
    })
    const saved = await SaveStepPage.handle({ funnel, step, page: page as StepPage })
    return response.ok({ page: saved.page, version: saved.version })
  }

  /** An unsaved page (and content) as the public page in preview mode; nothing is stored. */
  async preview({ workspace, params, request, response }: HttpContext) {
    const { funnel, step, config } = await this.#find(workspace, params)
    const data = await request.validateUsing(stepPagePreviewValidator, {
      meta: { stepType: step.stepType as StepType },
    })
    const html = await RenderPagePreview.handle({
      workspace,
      funnel,
      step,
      config,
      page: data.page as StepPage,
      content: data.content,
    })
    for (const [name, value] of Object.entries(PREVIEW_HEADERS)) response.header(name, value)
    return response.send(html)
  }

  #find(workspace: HttpContext['workspace'], params: HttpContext['params']) {
    return FindCheckoutStep.handle({
      workspace,
      funnelId: Number(params.funnelId),
      stepId: Number(params.stepId),
      checkoutOnly: false,
    })
  }
}
