import type { HttpContext } from '@adonisjs/core/http'
import FindCheckoutStep from '#actions/checkout/find_checkout_step'
import SubmitCheckout from '#actions/checkout/submit_checkout'
import FindPayment from '#actions/payments/find_payment'
import MarkSandboxPayment from '#actions/payments/mark_sandbox_payment'
import PaymentTransformer from '#transformers/payment_transformer'
import { createPaymentValidator, markSandboxValidator } from '#validators/payment'
import { publishedStep } from '#services/funnel_publication'
import { serialize } from '#services/serialize'

/** The seed's payments API: create a PIX charge, read its status, mark a sandbox payment. */
export default class PaymentsController {
  /** `POST /api/payments/create`: the price comes from the checkout configuration, never the client. */
  async create({ workspace, request, response }: HttpContext) {
    const data = await request.validateUsing(createPaymentValidator)
    const checkout = await FindCheckoutStep.handle({
      workspace,
      funnelId: data.funnelId,
      stepId: data.stepId,
    })
    /**
     * A funnel on line charges what its public page shows: the published step and checkout
     * configuration (issue 18 item 4); a draft never published (an API-built checkout) its draft.
     */
    const published = await publishedStep(workspace, checkout.step.id, 'checkout')
    /** A gateway failure is mapped once, by the exception handler (502 `gateway`). */
    const payment = await SubmitCheckout.handle({
      ...checkout,
      ...(published ? { step: published.step, config: published.config } : {}),
      workspace,
      buyer: data.customer,
      fieldPrefix: 'customer.',
      bumps: data.bumps ?? [],
      coupon: data.coupon ?? null,
      visitor: data.visitorId ? { publicId: data.visitorId } : undefined,
      source: 'api',
    })
    return response.created(
      await serialize({ payment: PaymentTransformer.transform(payment).useVariant('detail') })
    )
  }

  /** `GET /api/payments/:id/status`: by numeric id or public token, in this workspace only. */
  async status({ workspace, params }: HttpContext) {
    const payment = await FindPayment.handle({ workspace, key: params.id })
    return serialize({ payment: PaymentTransformer.transform(payment).useVariant('status') })
  }

  /** `POST /api/payments/:id/mark`: a sandbox payment paid or refused, through the webhook inbox. */
  async mark({ workspace, params, request, response }: HttpContext) {
    const payment = await FindPayment.handle({ workspace, key: params.id })
    const { status } = await request.validateUsing(markSandboxValidator)
    const event = await MarkSandboxPayment.handle({ workspace, payment, status })
    return response.accepted(
      await serialize({
        payment: PaymentTransformer.transform(payment).useVariant('status'),
        webhookEventId: event ? Number(event.id) : null,
      })
    )
  }
}
