import type { HttpContext } from '@adonisjs/core/http'
import { errors as vineErrors } from '@vinejs/vine'
import { t } from '#services/i18n'
import { ApiError } from '#exceptions/api_error'
import {
  createSplitTestValidator,
  declareWinnerValidator,
  updateSplitTestValidator,
  updateSplitVariantValidator,
} from '#validators/split_test'
import CreateSplitTest from '#actions/split_tests/create_split_test'
import FindSplitTest from '#actions/split_tests/find_split_test'
import UpdateSplitTest from '#actions/split_tests/update_split_test'
import UpdateSplitVariant from '#actions/split_tests/update_split_variant'
import DeclareSplitTestWinner from '#actions/split_tests/declare_split_test_winner'
import { defaultSplitTestNames } from '#services/split_test_names'

/**
 * The builder's A/B test writes (the same actions as the JSON API); each goes back to the
 * builder on the tested step with a toast. A conflict (a test already running, a finished
 * test) is a toast and a field error, not an error page.
 */
export default class SplitTestsController {
  async store(ctx: HttpContext) {
    const { workspace, params, request, locale } = ctx
    const funnel = await workspace
      .related('funnels')
      .query()
      .where('id', params.funnelId)
      .firstOrFail()
    const step = await workspace
      .related('funnelSteps')
      .query()
      .where('funnel_id', funnel.id)
      .where('id', params.stepId)
      .firstOrFail()
    const data = await request.validateUsing(createSplitTestValidator)
    await this.#conflictAsFieldError(ctx, 'splitTest', () =>
      CreateSplitTest.handle({
        workspace,
        funnel,
        step,
        data,
        defaults: defaultSplitTestNames(locale, step.name),
      })
    )
    return this.#back(ctx, 'split_tests.flash.created', funnel.id, step.id)
  }

  async update(ctx: HttpContext) {
    const test = await FindSplitTest.handle({ workspace: ctx.workspace, id: ctx.params.id })
    const data = await ctx.request.validateUsing(updateSplitTestValidator)
    await this.#conflictAsFieldError(ctx, 'variants', () =>
      UpdateSplitTest.handle({ workspace: ctx.workspace, test, data })
    )
    return this.#back(ctx, 'split_tests.flash.updated', test.funnelId, test.stepId)
  }

  async updateVariant(ctx: HttpContext) {
    const test = await FindSplitTest.handle({ workspace: ctx.workspace, id: ctx.params.id })
    const data = await ctx.request.validateUsing(updateSplitVariantValidator)
    await this.#conflictAsFieldError(ctx, 'name', () =>
      UpdateSplitVariant.handle({
        workspace: ctx.workspace,
        test,
        variantId: Number(ctx.params.variantId),
        data,
      })
    )
    return this.#back(ctx, 'split_tests.flash.variant_updated', test.funnelId, test.stepId)
  }

  async winner(ctx: HttpContext) {
    const test = await FindSplitTest.handle({ workspace: ctx.workspace, id: ctx.params.id })
    const { variantId } = await ctx.request.validateUsing(declareWinnerValidator)
    await this.#conflictAsFieldError(ctx, 'variantId', () =>
      DeclareSplitTestWinner.handle({ workspace: ctx.workspace, test, variantId })
    )
    const winner = test.variants.find((variant) => variant.id === variantId)
    ctx.session.flash('success', t(ctx.locale, 'split_tests.flash.winner', { name: winner!.name }))
    return this.#toStep(ctx, test.funnelId, test.stepId)
  }

  async #conflictAsFieldError(ctx: HttpContext, field: string, run: () => Promise<unknown>) {
    try {
      await run()
    } catch (error) {
      if (!(error instanceof ApiError) || error.status !== 409) throw error
      const message = t(ctx.locale, error.messageKey)
      ctx.session.flash('error', message)
      throw new vineErrors.E_VALIDATION_ERROR([{ field, rule: error.rule, message }])
    }
  }

  #back(ctx: HttpContext, key: string, funnelId: number, stepId: number) {
    ctx.session.flash('success', t(ctx.locale, key))
    return this.#toStep(ctx, funnelId, stepId)
  }

  /** The builder, on the tested step. */
  #toStep(ctx: HttpContext, funnelId: number, stepId: number) {
    return ctx.response
      .redirect()
      .toRoute(
        'w.funnels.show',
        { workspaceSlug: ctx.workspace.slug, id: funnelId },
        { qs: { step: stepId } }
      )
  }
}
