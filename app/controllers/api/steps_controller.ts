import type { HttpContext } from '@adonisjs/core/http'
import StepTransformer from '#transformers/step_transformer'
import { createStepValidator, reorderStepsValidator, updateStepValidator } from '#validators/step'
import CreateStep from '#actions/steps/create_step'
import UpdateStep from '#actions/steps/update_step'
import DeleteStep from '#actions/steps/delete_step'
import ReorderSteps from '#actions/steps/reorder_steps'
import { serialize } from '#services/serialize'

/** The seed's `/api/funnels/:funnel_id/steps` endpoints. */
export default class StepsController {
  /** Every step of the funnel, in order (a funnel has a handful: not paginated). */
  async index(ctx: HttpContext) {
    const funnel = await this.#funnel(ctx)
    const steps = await funnel.related('steps').query()
    return serialize({ data: StepTransformer.transform(steps) })
  }

  /** Appends a step at the end of the funnel. */
  async store(ctx: HttpContext) {
    const funnel = await this.#funnel(ctx)
    const data = await ctx.request.validateUsing(createStepValidator, {
      meta: { workspaceId: ctx.workspace.id, funnelId: funnel.id },
    })
    const step = await CreateStep.handle({ funnel, data, contentLocale: ctx.locale })
    return ctx.response.created(await serialize({ step: StepTransformer.transform(step) }))
  }

  async update(ctx: HttpContext) {
    const funnel = await this.#funnel(ctx)
    const step = await this.#step(ctx, funnel.id)
    const data = await ctx.request.validateUsing(updateStepValidator, {
      meta: { workspaceId: ctx.workspace.id, funnelId: funnel.id, stepId: step.id },
    })
    const updated = await UpdateStep.handle({ funnel, step, data })
    return serialize({ step: StepTransformer.transform(updated) })
  }

  async destroy(ctx: HttpContext) {
    const funnel = await this.#funnel(ctx)
    const step = await this.#step(ctx, funnel.id)
    await DeleteStep.handle({ funnel, step })
    return ctx.response.noContent()
  }

  /** `{ ids }`: the funnel's step ids in their new order. */
  async reorder(ctx: HttpContext) {
    const funnel = await this.#funnel(ctx)
    const { ids } = await ctx.request.validateUsing(reorderStepsValidator)
    const steps = await ReorderSteps.handle({ funnel, ids })
    return serialize({ data: StepTransformer.transform(steps) })
  }

  #funnel({ workspace, params }: HttpContext) {
    return workspace.related('funnels').query().where('id', params.funnel_id).firstOrFail()
  }

  #step({ workspace, params }: HttpContext, funnelId: number) {
    return workspace
      .related('funnelSteps')
      .query()
      .where('funnel_id', funnelId)
      .where('id', params.id)
      .firstOrFail()
  }
}
