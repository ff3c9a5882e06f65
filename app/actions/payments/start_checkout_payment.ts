import type Workspace from '#models/workspace'
import type Funnel from '#models/funnel'
import type FunnelStep from '#models/funnel_step'
import type CheckoutConfig from '#models/checkout_config'
import db from '@adonisjs/lucid/services/db'
import Visitor from '#models/visitor'
import type Payment from '#models/payment'
import { normalizeCheckoutConfig } from '#services/step_renderer/checkout_data'
import { checkoutItems } from '#services/payment_items'
import type { CheckoutPrice } from '#actions/coupons/price_checkout'
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
  /** The lines and coupon already priced by PriceCheckout (SubmitCheckout); else priced here. */
  price?: CheckoutPrice
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
    const items = params.price?.items ?? checkoutItems(config, params.bumps ?? [])
    const coupon = params.price?.coupon
    const visitorId = await this.#visitorId(params.workspace, params.visitor)
    const payment = await CreatePixPayment.handle({
      workspace: params.workspace,
      funnelId: params.funnel.id,
      stepId: params.step.id,
      items,
      customer: params.customer,
      visitorId,
      visitorSessionId: params.visitor?.sessionId ?? null,
      attribution: params.attribution,
      source: params.source,
      discount: coupon
        ? {
            couponId: coupon.id,
            couponCode: coupon.code,
            discountCents: params.price!.discountCents,
          }
        : null,
      /** The code expires when the countdown the buyer sees reaches zero. */
      expiresInMinutes: pixExpiryMinutes(config.designConfig.countdownMinutes),
    })
    if (!payment.visitorId && payment.visitorSessionId) await this.#linkLate(payment)
    return payment
  }

  /**
   * The visitor may have been written while the charge was being made: the beacon flush links
   * payments it finds after committing the visitors, and this checks visitors after the
   * payment was committed, so one of the two always sees the other.
   */
  static async #linkLate(payment: Payment) {
    const { rows } = await db.rawQuery<{ rows: Array<{ visitor_id: number }> }>(
      `UPDATE payments p SET visitor_id = v.id
         FROM visitors v
        WHERE p.workspace_id = ? AND p.id = ? AND p.visitor_id IS NULL
          AND v.workspace_id = p.workspace_id AND v.session_id = p.visitor_session_id
       RETURNING p.visitor_id`,
      [payment.workspaceId, payment.id]
    )
    if (rows[0]) payment.visitorId = rows[0].visitor_id
  }

  static async #visitorId(workspace: Workspace, visitor: Params['visitor']) {
    if (!visitor?.sessionId && !visitor?.publicId) return null
    const query = Visitor.forWorkspace(workspace).select('id')
    if (visitor.publicId) query.where('public_id', visitor.publicId)
    else query.where('session_id', visitor.sessionId!)
    const visitorRow = await query.first()
    return visitorRow?.id ?? null
  }
}
