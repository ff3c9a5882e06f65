import db from '@adonisjs/lucid/services/db'
import logger from '@adonisjs/core/services/logger'
import { DateTime } from 'luxon'
import Payment from '#models/payment'
import PaymentTransition from '#models/payment_transition'
import { canTransition, type PaymentStatus, type TransitionSource } from '#enums/payments'
import type { ChargeSnapshot } from '#services/gateways/types'
import PaymentEvents from '#actions/payments/payment_events'

interface Params {
  workspaceId: number
  paymentId: number
  to: PaymentStatus
  source: TransitionSource
  webhookEventId?: number | null
  details?: Record<string, unknown>
  /** What the gateway reported: stored as the payment's latest gateway answer. */
  snapshot?: ChargeSnapshot | null
}

export interface TransitionOutcome {
  /** False when the payment already was in `to` or the move is not allowed (a replay, a late message). */
  applied: boolean
  payment: Payment
  transition: PaymentTransition | null
}

/**
 * The payment state machine. Under a row lock (`SELECT … FOR UPDATE`) it moves the payment to
 * `to` if PAYMENT_TRANSITIONS allows it, records the transition with its source once (the
 * unique (payment_id, to_status) index backs this up) and, after the commit, announces it:
 * `payment_status_change` on the workspace, funnel and buyer channels and one postbacks job.
 * A transition that is not allowed is a no-op, not an error: duplicate, late and out-of-order
 * gateway messages must neither fail nor regress a payment.
 */
export default class ApplyPaymentTransition {
  static async handle(params: Params): Promise<TransitionOutcome> {
    const outcome = await db.transaction(async (trx) => {
      const payment = await Payment.query({ client: trx })
        .where('workspace_id', params.workspaceId)
        .where('id', params.paymentId)
        .forUpdate()
        .firstOrFail()

      if (params.snapshot) {
        payment.gatewayResponse = params.snapshot.raw
        if (!payment.externalId) payment.externalId = params.snapshot.externalId
      }

      const from = payment.status
      if (from === params.to || !canTransition(from, params.to)) {
        if (from !== params.to) {
          logger.info(
            { paymentId: payment.id, from, to: params.to, source: params.source },
            'payment transition refused (kept as is)'
          )
        }
        if (payment.$isDirty) await payment.save()
        return { applied: false, payment, transition: null, from }
      }

      payment.status = params.to
      if (params.to === 'paid') payment.paidAt = params.snapshot?.paidAt ?? DateTime.now()
      await payment.save()
      const transition = await PaymentTransition.create(
        {
          workspaceId: payment.workspaceId,
          paymentId: payment.id,
          fromStatus: from,
          toStatus: params.to,
          source: params.source,
          webhookEventId: params.webhookEventId ?? null,
          details: {
            ...(params.snapshot ? { gatewayStatus: params.snapshot.gatewayStatus } : {}),
            ...params.details,
          },
        },
        { client: trx }
      )
      return { applied: true, payment, transition, from }
    })

    if (outcome.applied && outcome.transition) {
      await PaymentEvents.statusChanged(outcome.payment, outcome.from, outcome.transition)
    }
    return { applied: outcome.applied, payment: outcome.payment, transition: outcome.transition }
  }
}
