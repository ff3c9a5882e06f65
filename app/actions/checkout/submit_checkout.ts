import { errors as vineErrors } from '@vinejs/vine'
import type Workspace from '#models/workspace'
import type Funnel from '#models/funnel'
import type FunnelStep from '#models/funnel_step'
import type CheckoutConfig from '#models/checkout_config'
import type Payment from '#models/payment'
import StartCheckoutPayment from '#actions/payments/start_checkout_payment'
import RecordConsent from '#actions/consents/record_consent'
import CheckoutSessionPaid from '#actions/checkout_sessions/link_checkout_payment'
import PriceCheckout, { type CheckoutPrice } from '#actions/coupons/price_checkout'
import { normalizeCheckoutConfig } from '#services/step_renderer/checkout_data'
import { checkoutItems } from '#services/payment_items'
import { checkoutAttribution } from '#services/attribution'
import { checkoutSubmitValidator } from '#validators/payment'

interface Checkout {
  workspace: Workspace
  funnel: Funnel
  step: FunnelStep
  config: CheckoutConfig | null
}

interface Params extends Checkout {
  /** The buyer's fields as posted (the public form's body, the API's `customer` object). */
  buyer: unknown
  /** Prefix of the field names in validation errors (`customer.` on the API). */
  fieldPrefix?: string
  /** Ticked order bumps and the coupon, when they come beside the buyer (the API); else read from `buyer`. */
  bumps?: number[]
  coupon?: string | null
  visitor?: { sessionId?: string; publicId?: string }
  /**
   * The public page's request context; the landing and referrer come from the validated body
   * (`tracking`), and the payment keeps its own copy of the attribution.
   */
  attribution?: Omit<Parameters<typeof checkoutAttribution>[0], 'landingUrl' | 'referrer'>
  source: 'checkout' | 'api'
  /** The public page only: the LGPD consent box and the checkout session (recovery) to link. */
  consent?: { given: unknown; sessionId: string | null; ip: string | null }
  session?: { sessionId: string | null; recoverToken: unknown }
}

/**
 * One checkout submission, whoever sends it (the public checkout page or `POST
 * /api/payments/create`): the buyer validated against the fields this checkout asks for, the
 * lines priced from its configuration, the coupon applied on the server (the client never sends
 * a price or a total), then the PIX charge; on the public page also the consent record and the
 * checkout-session link. Errors are thrown for the caller to answer: validation errors
 * (E_VALIDATION_ERROR, fields under `fieldPrefix`), ApiError (bump, coupon), GatewayError.
 */
export default class SubmitCheckout {
  static async handle(params: Params): Promise<Payment> {
    const fields = normalizeCheckoutConfig(params.step, params.config as any).fieldsConfig
    /** Messages in the request's language (start/validator.ts): this action never translates. */
    const data = await checkoutSubmitValidator(fields)
      .validate(params.buyer)
      .catch((error) => {
        if (params.fieldPrefix && error instanceof vineErrors.E_VALIDATION_ERROR) {
          error.messages = (error.messages as Array<{ field: string }>).map((m) => ({
            ...m,
            field: `${params.fieldPrefix}${m.field}`,
          }))
        }
        throw error
      })
    const { bumps, tracking, coupon, ...customer } = data
    const price = await this.price({
      ...params,
      bumps: params.bumps ?? bumps,
      coupon: params.coupon !== undefined ? params.coupon : coupon,
    })

    const payment = await StartCheckoutPayment.handle({
      workspace: params.workspace,
      funnel: params.funnel,
      step: params.step,
      config: params.config,
      customer,
      price,
      visitor: params.visitor,
      attribution: params.attribution
        ? checkoutAttribution({
            ...params.attribution,
            landingUrl: tracking?.landingUrl,
            referrer: tracking?.referrer,
          })
        : undefined,
      source: params.source,
    })
    if (params.consent) {
      await RecordConsent.handle({
        workspace: params.workspace,
        context: 'checkout',
        given: params.consent.given,
        sessionId: params.consent.sessionId,
        stepId: params.step.id,
        email: customer.email ?? null,
        ip: params.consent.ip,
      })
    }
    if (params.session) {
      await CheckoutSessionPaid.handle(params.workspace, payment, params.session)
    }
    return payment
  }

  /**
   * The checkout's price for these bumps and this coupon: the "Aplicar" button shows it, the
   * submission charges it. A refused coupon is an ApiError on the `coupon` field.
   */
  static price(
    params: Checkout & { bumps?: number[]; coupon?: string | null }
  ): Promise<CheckoutPrice> {
    const config = normalizeCheckoutConfig(params.step, params.config as any)
    return PriceCheckout.handle({
      workspace: params.workspace,
      funnelId: params.funnel.id,
      items: checkoutItems(config, params.bumps ?? []),
      couponCode: params.coupon ?? null,
    })
  }
}
