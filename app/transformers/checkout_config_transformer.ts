import { BaseTransformer } from '@adonisjs/core/transformers'
import type CheckoutConfig from '#models/checkout_config'
import type FunnelStep from '#models/funnel_step'
import { normalizeCheckoutConfig } from '#services/step_renderer/checkout_data'

/**
 * What the API and the checkout editor see of a checkout step's configuration: the saved one,
 * or the defaults with `exists: false` before the first save. Prices are integer cents.
 * `transform(step, config)`; the `step` variant is the step it belongs to.
 */
export default class CheckoutConfigTransformer extends BaseTransformer<FunnelStep> {
  constructor(
    step: FunnelStep,
    protected config: CheckoutConfig | null = null
  ) {
    super(step)
  }

  toObject() {
    const step = this.resource
    return {
      id: this.config?.id ?? null,
      exists: this.config !== null,
      funnelId: step.funnelId,
      stepId: step.id,
      ...normalizeCheckoutConfig(step, this.config),
      updatedAt: this.config?.updatedAt?.toISO() ?? null,
    }
  }

  /** The step a configuration belongs to, with the version public pages are cached by. */
  step() {
    const step = this.resource
    return { id: step.id, name: step.name, slug: step.slug, version: step.version }
  }
}
