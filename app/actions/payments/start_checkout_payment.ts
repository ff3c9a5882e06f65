import type Workspace from '#models/workspace'
import type Funnel from '#models/funnel'
import type FunnelStep from '#models/funnel_step'
import type CheckoutConfig from '#models/checkout_config'
import Visitor from '#models/visitor'
import { normalizeCheckoutConfig } from '#services/step_renderer/checkout_data'
import { checkoutItems } from '#services/payment_items'
import type { PaymentAttribution } from '#services/attribution'
import CreatePixPayment, {
  pixExpiryMinutes,
  type BuyerData,
} from '#actions/payments/create_pix_payment'

interface Params {
  workspace: Workspace
  funnel: Funnel
  step: FunnelStep
  config: CheckoutConfig | null
  customer: BuyerData
  bumps?: number[]
  /** The visitor, by cookie session id (public checkout) or public id (API). */
  visitor?: { sessionId?: string; publicId?: string }
  /** The landing attribution the checkout carried (its own copy on the payment). */
  attribution?: PaymentAttribution
  source: 'checkout' | 'api'
}

/**
 * A checkout submission: the price comes from the step's configuration (the one the public page
 * shows, defaults included) plus the ticked bumps. The visitor, when already recorded, is
 * linked now; otherwise the payment keeps the session id and the beacon flush links it when
 * it writes the visitor (a buyer may pay before the flush has seen the landing). Either way
 * the payment carries its own copy of the attribution.
 */
export default class StartCheckoutPayment {
  static async handle(params: Params) {
    const config = normalizeCheckoutConfig(
      params.step,
      params.config as unknown as Parameters<typeof normalizeCheckoutConfig>[1]
    )
    const items = checkoutItems(config, params.bumps ?? [])
    const visitorId = await this.#visitorId(params.workspace, params.visitor)
    return CreatePixPayment.handle({
      workspace: params.workspace,
      funnelId: params.funnel.id,
      stepId: params.step.id,
      items,
      customer: params.customer,
      visitorId,
      visitorSessionId: params.visitor?.sessionId ?? null,
      attribution: params.attribution,
      source: params.source,
      /** The code expires when the countdown the buyer sees reaches zero. */
      expiresInMinutes: pixExpiryMinutes(config.designConfig.countdownMinutes),
    })
  }

  static async #visitorId(workspace: Workspace, visitor: Params['visitor']) {
    if (!visitor?.sessionId && !visitor?.publicId) return null
    const query = Visitor.query().where('workspace_id', workspace.id).select('id')
    if (visitor.publicId) query.where('public_id', visitor.publicId)
    else query.where('session_id', visitor.sessionId!)
    const visitorRow = await query.first()
    return visitorRow?.id ?? null
  }
}
