import type { HttpContext } from '@adonisjs/core/http'
import { t } from '#services/i18n'
import { createStepValidator, reorderStepsValidator, updateStepValidator } from '#validators/step'
import CreateStep from '#actions/steps/create_step'
import UpdateStep from '#actions/steps/update_step'
import DeleteStep from '#actions/steps/delete_step'
import ReorderSteps from '#actions/steps/reorder_steps'

/** The builder's step writes; each redirects back to the builder with a toast. */
export default class StepsController {
  /** Appends a step and selects it in the builder. */
  async store(ctx: HttpContext) {
    const funnel = await this.#funnel(ctx)
    const data = await ctx.request.validateUsing(createStepValidator, {
      meta: { workspaceId: ctx.workspace.id, funnelId: funnel.id },
    })
    const step = await CreateStep.handle({ funnel, data, contentLocale: ctx.locale })
    ctx.session.flash('success', t(ctx.locale, 'funnels.flash.step_created'))
    return this.#builder(ctx, funnel.id, step.id)
  }

  async update(ctx: HttpContext) {
    const funnel = await this.#funnel(ctx)
    const step = await this.#step(ctx, funnel.id)
    const data = await ctx.request.validateUsing(updateStepValidator, {
      meta: { workspaceId: ctx.workspace.id, funnelId: funnel.id, stepId: step.id },
    })
    await UpdateStep.handle({ funnel, step, data })
    ctx.session.flash('success', t(ctx.locale, 'funnels.flash.step_updated'))
    return this.#builder(ctx, funnel.id, step.id)
  }

  async destroy(ctx: HttpContext) {
    const funnel = await this.#funnel(ctx)
    const step = await this.#step(ctx, funnel.id)
    await DeleteStep.handle({ funnel, step })
    ctx.session.flash('success', t(ctx.locale, 'funnels.flash.step_deleted'))
    return this.#builder(ctx, funnel.id)
  }

  async reorder(ctx: HttpContext) {
    const funnel = await this.#funnel(ctx)
    const { ids } = await ctx.request.validateUsing(reorderStepsValidator)
    await ReorderSteps.handle({ funnel, ids })
    ctx.session.flash('success', t(ctx.locale, 'funnels.flash.steps_reordered'))
    return ctx.response.redirect().back()
  }

  /** Back to the builder (the named route), on the given step when there is one. */
  #builder({ workspace, response }: HttpContext, funnelId: number, stepId?: number) {
    return response
      .redirect()
      .toRoute(
        'w.funnels.show',
        { workspaceSlug: workspace.slug, id: funnelId },
        stepId === undefined ? {} : { qs: { step: stepId } }
      )
  }

  #funnel({ workspace, params }: HttpContext) {
    return workspace.related('funnels').query().where('id', params.funnelId).firstOrFail()
  }

  #step({ workspace, params }: HttpContext, funnelId: number) {
    return workspace
      .related('funnelSteps')
      .query()
      .where('funnel_id', funnelId)
      .where('id', params.stepId)
      .firstOrFail()
  }
}
