import type CheckoutConfig from '#models/checkout_config'
import type FunnelStep from '#models/funnel_step'
import { normalizeCheckoutConfig } from '#services/step_renderer/checkout_data'

/**
 * What the API and the checkout editor see of a checkout step's configuration: the saved one,
 * or the defaults with `exists: false` before the first save. Prices are integer cents.
 */
export default class CheckoutConfigTransformer {
  static transform(step: FunnelStep, config: CheckoutConfig | null) {
    return {
      id: config?.id ?? null,
      exists: config !== null,
      funnelId: step.funnelId,
      stepId: step.id,
      ...normalizeCheckoutConfig(step, config),
      updatedAt: config?.updatedAt?.toISO() ?? null,
    }
  }

  /** The step a configuration belongs to, with the version public pages are cached by. */
  static step(step: FunnelStep) {
    return { id: step.id, name: step.name, slug: step.slug, version: step.version }
  }
}
