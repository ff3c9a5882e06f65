import type { HttpContext } from '@adonisjs/core/http'
import CheckoutPrefill from '#actions/checkout_sessions/checkout_prefill'
import { VISITOR_COOKIE } from '#services/visitor_session'
import { boundedId, scalarText } from '#services/public_input'

const SESSION_ID = /^[A-Za-z0-9_-]{16,64}$/

/** The buyer's journey on the workspace host: the checkout's pre-fill. */
export default class PublicBuyerJourneyController {
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
      sessionId: typeof cookie === 'string' && SESSION_ID.test(cookie) ? cookie : null,
    })
  }
}
