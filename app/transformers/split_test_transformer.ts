import { BaseTransformer } from '@adonisjs/core/transformers'
import type SplitTest from '#models/split_test'
import SplitTestVariantTransformer from '#transformers/split_test_variant_transformer'
import type SplitTestResults from '#actions/split_tests/split_test_results'

export type SplitTestResultsData = Awaited<ReturnType<typeof SplitTestResults.handle>>

/**
 * What the API and the builder see of a split test and its variants (`variants` preloaded);
 * `withResults` adds what SplitTestResults measured (given to `transform(test, results)`).
 */
export default class SplitTestTransformer extends BaseTransformer<SplitTest> {
  constructor(
    test: SplitTest,
    protected results?: SplitTestResultsData
  ) {
    super(test)
  }

  toObject() {
    const test = this.resource
    return {
      id: test.id,
      funnelId: test.funnelId,
      stepId: test.stepId,
      stepName: test.step?.name ?? null,
      name: test.name,
      status: test.status,
      winnerVariantId: test.winnerVariantId,
      startedAt: test.startedAt?.toISO() ?? null,
      finishedAt: test.finishedAt?.toISO() ?? null,
      variants: SplitTestVariantTransformer.transform(test.variants ?? []),
    }
  }

  withResults() {
    return { ...this.toObject(), results: this.results! }
  }
}
