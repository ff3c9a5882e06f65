import type Workspace from '#models/workspace'
import type Funnel from '#models/funnel'
import type FunnelStep from '#models/funnel_step'
import type CheckoutConfig from '#models/checkout_config'
import type { CheckoutConfigInput } from '#validators/checkout'
import RenderPublicStep from '#actions/public/render_public_step'
import { normalizeCheckoutConfig } from '#services/step_renderer/checkout_data'

interface Params {
  workspace: Workspace
  funnel: Funnel
  step: FunnelStep
  /** The saved configuration of a checkout step, or unsaved values from the editor (never stored). */
  checkout?: { saved: CheckoutConfig | null } | { unsaved: CheckoutConfigInput }
}

/**
 * The preview of a step exactly as visitors will see it (in the workspace's page language),
 * with the preview ribbon and inert forms. Rendering an unsaved configuration writes nothing.
 */
export default class RenderStepPreview {
  static async handle({ workspace, funnel, step, checkout }: Params) {
    let checkoutConfig = null
    if (checkout && 'unsaved' in checkout) {
      checkoutConfig = normalizeCheckoutConfig(step, checkout.unsaved)
    } else if (checkout?.saved) {
      checkoutConfig = normalizeCheckoutConfig(step, checkout.saved)
    }
    return RenderPublicStep.preview({ workspace, funnel, step, checkoutConfig })
  }
}
