import type { HttpContext } from '@adonisjs/core/http'
import SplitTestTransformer from '#transformers/split_test_transformer'
import SplitTestVariantTransformer from '#transformers/split_test_variant_transformer'
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
import SplitTestResults from '#actions/split_tests/split_test_results'
import { defaultSplitTestNames } from '#services/split_test_names'
import { serialize } from '#services/serialize'

/** A/B split tests of a funnel's steps (`/api/funnels/:funnel_id/split-tests`, `/api/split-tests/:id`). */
export default class SplitTestsController {
  /** Every test of a funnel, running first, with its variants (no results: `show` has them). */
  async list({ workspace, params }: HttpContext) {
    const funnel = await workspace
      .related('funnels')
      .query()
      .where('id', params.funnel_id)
      .firstOrFail()
    const tests = await workspace
      .related('splitTests')
      .query()
      .where('funnel_id', funnel.id)
      .preload('variants', (q) => q.orderBy('is_control', 'desc').orderBy('id'))
      .preload('step')
      .orderByRaw(`status = 'running' DESC, id DESC`)
    return serialize({ data: SplitTestTransformer.transform(tests) })
  }

  /** Starts a test on a step: control (the step) and challengers (copies of it). */
  async store({ workspace, params, request, response, locale }: HttpContext) {
    const funnel = await workspace
      .related('funnels')
      .query()
      .where('id', params.funnel_id)
      .firstOrFail()
    const step = await workspace
      .related('funnelSteps')
      .query()
      .where('funnel_id', funnel.id)
      .where('id', params.step_id)
      .firstOrFail()
    const data = await request.validateUsing(createSplitTestValidator)
    const created = await CreateSplitTest.handle({
      workspace,
      funnel,
      step,
      data,
      defaults: defaultSplitTestNames(locale, step.name),
    })
    const test = await FindSplitTest.handle({ workspace, id: created.id })
    return response.created(await serialize({ splitTest: SplitTestTransformer.transform(test) }))
  }

  /** A test with its variants and results (conversion, revenue, significance). */
  async show({ workspace, params }: HttpContext) {
    const test = await FindSplitTest.handle({ workspace, id: params.id })
    const results = await SplitTestResults.handle({ workspace, test })
    return serialize({
      splitTest: SplitTestTransformer.transform(test, results).useVariant('withResults'),
    })
  }

  /** Names and weights. */
  async update({ workspace, params, request }: HttpContext) {
    const test = await FindSplitTest.handle({ workspace, id: params.id })
    const data = await request.validateUsing(updateSplitTestValidator)
    await UpdateSplitTest.handle({ workspace, test, data })
    const updated = await FindSplitTest.handle({ workspace, id: test.id })
    return serialize({ splitTest: SplitTestTransformer.transform(updated) })
  }

  /** One variant's name, weight, content and checkout configuration. */
  async updateVariant({ workspace, params, request }: HttpContext) {
    const test = await FindSplitTest.handle({ workspace, id: params.id })
    const data = await request.validateUsing(updateSplitVariantValidator)
    const variant = await UpdateSplitVariant.handle({
      workspace,
      test,
      variantId: Number(params.variant_id),
      data,
    })
    return serialize({ variant: SplitTestVariantTransformer.transform(variant) })
  }

  /** "Declarar vencedor": the variant becomes the step, the others are archived. */
  async winner({ workspace, params, request }: HttpContext) {
    const test = await FindSplitTest.handle({ workspace, id: params.id })
    const { variantId } = await request.validateUsing(declareWinnerValidator)
    await DeclareSplitTestWinner.handle({ workspace, test, variantId })
    const finished = await FindSplitTest.handle({ workspace, id: test.id })
    return serialize({ splitTest: SplitTestTransformer.transform(finished) })
  }
}
