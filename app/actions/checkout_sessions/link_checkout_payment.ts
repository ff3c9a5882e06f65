import db from '@adonisjs/lucid/services/db'
import logger from '@adonisjs/core/services/logger'
import type Workspace from '#models/workspace'
import type Payment from '#models/payment'

const TOKEN = /^[0-9a-f]{32}$/

/**
 * A PIX was generated on a checkout: its session (this browser's on this step, or the one of
 * the recovery link the buyer came from) now points at the payment. Its status is untouched:
 * a session becomes "recuperado" or "pago" only when the payment is paid (TrackCheckoutSession).
 */
export default class CheckoutSessionPaid {
  static async handle(
    workspace: Workspace,
    payment: Payment,
    from: { sessionId?: string | null; recoverToken?: unknown } = {}
  ) {
    try {
      const token =
        typeof from.recoverToken === 'string' && TOKEN.test(from.recoverToken)
          ? from.recoverToken
          : null
      const sessionId = from.sessionId ?? payment.visitorSessionId
      if (!token && !sessionId) return
      await db.rawQuery(
        `UPDATE checkout_sessions SET payment_id = ?, payment_status = ?, amount_cents = ?,
                last_activity_at = now(), updated_at = now()
          WHERE workspace_id = ? AND status NOT IN ('paid', 'recovered')
            AND ${token ? 'token = ?' : 'step_id = ? AND session_id = ?'}`,
        [
          payment.id,
          payment.status,
          payment.amountCents,
          workspace.id,
          ...(token ? [token] : [payment.stepId, sessionId]),
        ]
      )
    } catch (error) {
      logger.error({ err: error, paymentId: payment.id }, 'checkout session not linked')
    }
  }
}
