import type { HttpContext } from '@adonisjs/core/http'
import CheckoutPrefill from '#actions/checkout_sessions/checkout_prefill'
import { orderNumber } from '#actions/buyer_emails/compose_buyer_email'
import { formatBRL } from '#services/money'
import { t } from '#services/i18n'
import { pageLocale } from '#services/step_renderer'
import { VISITOR_COOKIE, visitorSessionId } from '#services/visitor_session'
import SaveCheckoutSession from '#actions/checkout_sessions/save_checkout_session'
import { boundedId, scalarText } from '#services/public_input'

const SESSION_ID = /^[A-Za-z0-9_-]{16,64}$/

/** The buyer's journey on the workspace host: the checkout's pre-fill, the thank-you order. */
export default class PublicBuyerJourneyController {
  /**
   * `GET /_funil/order/:token`: the order of a paid PIX for the thank-you page (number, items,
   * total). Anything else (unknown token, not paid) is a 404.
   */
  async order(ctx: HttpContext) {
    const { params, response, workspace } = ctx
    response.header('Cache-Control', 'no-store')
    const token = String(params.token ?? '')
    const payment = /^[0-9a-f]{32}$/.test(token)
      ? await workspace
          .related('payments')
          .query()
          .where('public_token', token)
          .where('status', 'paid')
          .first()
      : null
    if (!payment) return response.notFound({ errors: [{ message: 'Not found' }] })
    const locale = pageLocale(workspace)
    return {
      orderNumber: orderNumber(payment),
      items: (payment.items ?? []).map((item) => ({
        name: item.name,
        price: formatBRL(item.priceCents * item.quantity),
      })),
      total: formatBRL(payment.amountCents),
      totalLabel: t(locale, 'step_page.checkout.total'),
    }
  }

  /**
   * `GET /_funil/checkout/:stepId/prefill?retry=<token>`: the data the checkout form starts
   * with (JSON, never cached). An unknown step or token is simply nothing to pre-fill.
   */
  async prefill(ctx: HttpContext) {
    const { params, request, response, workspace } = ctx
    response.header('Cache-Control', 'no-store')
    const stepId = boundedId(Number(params.stepId))
    const step =
      stepId === null
        ? null
        : await workspace
            .related('funnelSteps')
            .query()
            .where('id', stepId)
            .where('step_type', 'checkout')
            .where('is_active', true)
            .first()
    if (!step) return response.notFound({ errors: [{ message: 'Not found' }] })
    const cookie = request.plainCookie(VISITOR_COOKIE, { encoded: false })
    return CheckoutPrefill.handle({
      workspace,
      step,
      retryToken: scalarText(request.input('retry'), 64) || null,
      recoverToken: scalarText(request.input('recover'), 64) || null,
      sessionId: typeof cookie === 'string' && SESSION_ID.test(cookie) ? cookie : null,
    })
  }

  /**
   * `POST /_funil/checkout/:stepId/session`: what the buyer typed so far (saved on blur), for
   * the abandoned checkouts list. 204 whatever was kept; an unknown step is a 404.
   */
  async saveSession(ctx: HttpContext) {
    const { params, request, response, workspace } = ctx
    const step = await this.#checkoutStep(workspace, params.stepId)
    if (!step) return response.notFound({ errors: [{ message: 'Not found' }] })
    const body = request.body()
    await SaveCheckoutSession.handle({
      workspace,
      step,
      sessionId: visitorSessionId(ctx),
      input: body && typeof body === 'object' && !Array.isArray(body) ? body : {},
    })
    return response.noContent()
  }

  #checkoutStep(workspace: HttpContext['workspace'], id: unknown) {
    const stepId = boundedId(Number(id))
    if (stepId === null) return null
    return workspace
      .related('funnelSteps')
      .query()
      .where('id', stepId)
      .where('step_type', 'checkout')
      .where('is_active', true)
      .first()
  }
}
