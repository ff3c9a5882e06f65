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
    return ctx.response.redirect(`${this.#builderUrl(ctx, funnel.id)}?step=${step.id}`)
  }

  async update(ctx: HttpContext) {
    const funnel = await this.#funnel(ctx)
    const step = await this.#step(ctx, funnel.id)
    const data = await ctx.request.validateUsing(updateStepValidator, {
      meta: { workspaceId: ctx.workspace.id, funnelId: funnel.id, stepId: step.id },
    })
    await UpdateStep.handle({ funnel, step, data })
    ctx.session.flash('success', t(ctx.locale, 'funnels.flash.step_updated'))
    return ctx.response.redirect(`${this.#builderUrl(ctx, funnel.id)}?step=${step.id}`)
  }

  async destroy(ctx: HttpContext) {
    const funnel = await this.#funnel(ctx)
    const step = await this.#step(ctx, funnel.id)
    await DeleteStep.handle({ funnel, step })
    ctx.session.flash('success', t(ctx.locale, 'funnels.flash.step_deleted'))
    return ctx.response.redirect(this.#builderUrl(ctx, funnel.id))
  }

  async reorder(ctx: HttpContext) {
    const funnel = await this.#funnel(ctx)
    const { ids } = await ctx.request.validateUsing(reorderStepsValidator)
    await ReorderSteps.handle({ funnel, ids })
    ctx.session.flash('success', t(ctx.locale, 'funnels.flash.steps_reordered'))
    return ctx.response.redirect().back()
  }

  #builderUrl({ workspace }: HttpContext, funnelId: number) {
    return `/w/${workspace.slug}/funnels/${funnelId}`
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
