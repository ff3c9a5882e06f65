import logger from '@adonisjs/core/services/logger'
import type Payment from '#models/payment'
import type PaymentTransition from '#models/payment_transition'
import type { PaymentStatus } from '#enums/payments'
import { broadcastToPayment, broadcastToWorkspace } from '#services/realtime'
import queue from '#services/queue'

/**
 * What the rest of the system hears about a payment, always after the database commit: the
 * live events of the admin (workspace and funnel channels) and of the buyer's page, and the
 * postbacks job. A failure to announce is logged and never undoes the payment.
 */
export default class PaymentEvents {
  /**
   * A new charge exists (`new_payment`). Its creation's `pending` transition is the "PIX
   * generated" fact, announced to the postbacks like any later transition.
   */
  static async created(payment: Payment, creation: PaymentTransition) {
    this.#safely(() =>
      broadcastToWorkspace(
        payment.workspaceId,
        'new_payment',
        this.#summary(payment),
        payment.funnelId
      )
    )
    await this.#announce(payment, creation)
  }

  /** A payment entered a status (`payment_status_change`) and its postbacks are due. */
  static async statusChanged(payment: Payment, from: PaymentStatus, transition: PaymentTransition) {
    const data = {
      ...this.#summary(payment),
      previousStatus: from,
      source: transition.source,
    }
    this.#safely(() =>
      broadcastToWorkspace(payment.workspaceId, 'payment_status_change', data, payment.funnelId)
    )
    this.#safely(() =>
      broadcastToPayment(payment.publicToken, 'payment_status_change', {
        status: payment.status,
        paidAt: payment.paidAt?.toISO() ?? null,
      })
    )
    await this.#announce(payment, transition)
  }

  /**
   * One postbacks job per transition (its id is the job id). A failure to enqueue is logged:
   * the transition keeps `postbacks_planned_at` null and the outbox sweep plans it.
   */
  static async #announce(payment: Payment, transition: PaymentTransition) {
    try {
      await queue.dispatch('payment_status_changed', {
        workspaceId: payment.workspaceId,
        paymentId: payment.id,
        transitionId: Number(transition.id),
        status: transition.toStatus,
      })
    } catch (error) {
      logger.error({ err: error, paymentId: payment.id }, 'could not enqueue postbacks')
    }
  }

  static #summary(payment: Payment) {
    return {
      paymentId: payment.id,
      status: payment.status,
      amountCents: payment.amountCents,
      gateway: payment.gateway,
      funnelId: payment.funnelId,
      stepId: payment.stepId,
      customerName: payment.customerData?.name ?? null,
      paidAt: payment.paidAt?.toISO() ?? null,
    }
  }

  static #safely(send: () => void) {
    try {
      send()
    } catch (error) {
      logger.error({ err: error }, 'could not broadcast a payment event')
    }
  }
}
