import type SplitTest from '#models/split_test'
import type SplitTestVariant from '#models/split_test_variant'

/** What the API and the builder see of a split test and its variants. */
export default class SplitTestTransformer {
  static variant(variant: SplitTestVariant) {
    return {
      id: variant.id,
      name: variant.name,
      weight: variant.weight,
      isControl: variant.isControl,
      status: variant.status,
      content: variant.content,
      checkoutConfig: variant.checkoutConfig,
      version: variant.version,
    }
  }

  static transform<Results = undefined>(test: SplitTest, results?: Results) {
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
      variants: (test.variants ?? []).map((variant) => SplitTestTransformer.variant(variant)),
      ...(results !== undefined ? { results } : {}),
    }
  }
}
