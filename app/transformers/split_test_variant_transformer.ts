import { BaseTransformer } from '@adonisjs/core/transformers'
import type SplitTestVariant from '#models/split_test_variant'

/** What the API and the builder see of one variant of a split test. */
export default class SplitTestVariantTransformer extends BaseTransformer<SplitTestVariant> {
  toObject() {
    const variant = this.resource
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
}
