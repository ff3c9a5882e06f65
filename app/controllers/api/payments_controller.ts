import type { HttpContext } from '@adonisjs/core/http'
import { errors as vineErrors } from '@vinejs/vine'
import FindCheckoutStep from '#actions/checkout/find_checkout_step'
import StartCheckoutPayment from '#actions/payments/start_checkout_payment'
import FindPayment from '#actions/payments/find_payment'
import MarkSandboxPayment from '#actions/payments/mark_sandbox_payment'
import PaymentTransformer from '#transformers/payment_transformer'
import { ApiError } from '#exceptions/api_error'
import { GatewayError } from '#services/gateways/types'
import { normalizeCheckoutConfig } from '#services/step_renderer/checkout_data'
import { messagesProvider } from '#services/i18n'
import {
  checkoutSubmitValidator,
  createPaymentValidator,
  markSandboxValidator,
} from '#validators/payment'

/** The seed's payments API: create a PIX charge, read its status, mark a sandbox payment. */
export default class PaymentsController {
  /** `POST /api/payments/create`: the price comes from the checkout configuration, never the client. */
  async create({ workspace, request, response, locale }: HttpContext) {
    const data = await request.validateUsing(createPaymentValidator)
    const { funnel, step, config } = await FindCheckoutStep.handle({
      workspace,
      funnelId: data.funnelId,
      stepId: data.stepId,
    })
    const fields = normalizeCheckoutConfig(step, config as any).fieldsConfig
    const customer = await checkoutSubmitValidator(fields)
      .validate(data.customer, { messagesProvider: messagesProvider(locale) })
      .catch((error) => {
        if (error instanceof vineErrors.E_VALIDATION_ERROR) {
          error.messages = (error.messages as Array<{ field: string }>).map((m) => ({
            ...m,
            field: `customer.${m.field}`,
          }))
        }
        throw error
      })

    try {
      const payment = await StartCheckoutPayment.handle({
        workspace,
        funnel,
        step,
        config,
        customer,
        bumps: data.bumps,
        visitor: data.visitorId ? { publicId: data.visitorId } : undefined,
        source: 'api',
      })
      return response.created({ payment: PaymentTransformer.detail(payment) })
    } catch (error) {
      if (error instanceof GatewayError) throw new ApiError(502, 'gateway', error.messageKey)
      throw error
    }
  }

  /** `GET /api/payments/:id/status`: by numeric id or public token, in this workspace only. */
  async status({ workspace, params }: HttpContext) {
    const payment = await FindPayment.handle({ workspace, key: params.id })
    return { payment: PaymentTransformer.status(payment) }
  }

  /** `POST /api/payments/:id/mark`: a sandbox payment paid or refused, through the webhook inbox. */
  async mark({ workspace, params, request, response }: HttpContext) {
    const payment = await FindPayment.handle({ workspace, key: params.id })
    const { status } = await request.validateUsing(markSandboxValidator)
    const event = await MarkSandboxPayment.handle({ workspace, payment, status })
    return response.accepted({
      payment: PaymentTransformer.status(payment),
      webhookEventId: event ? Number(event.id) : null,
    })
  }
}
