import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import logger from '@adonisjs/core/services/logger'
import { DateTime } from 'luxon'
import Payment from '#models/payment'
import PaymentTransition from '#models/payment_transition'
import { transitionPath, type PaymentStatus, type TransitionSource } from '#enums/payments'
import type { ChargeSnapshot } from '#services/gateways/types'
import PaymentEvents from '#actions/payments/payment_events'
import CouponUses from '#actions/coupons/coupon_uses'

interface Params {
  workspaceId: number
  paymentId: number
  to: PaymentStatus
  source: TransitionSource
  webhookEventId?: number | null
  details?: Record<string, unknown>
  /** What the gateway reported: stored as the payment's latest gateway answer. */
  snapshot?: ChargeSnapshot | null
  /**
   * More writes that must commit with this decision, applied or not (the webhook inbox marks
   * its row processed here), run in the same transaction before it commits.
   */
  within?: (trx: TransactionClientContract) => Promise<unknown>
}

export interface TransitionOutcome {
  /** False when the payment already was in `to` or the move is not allowed (a replay, a late message). */
  applied: boolean
  payment: Payment
  /** The last transition recorded (`to`); null when nothing was applied. */
  transition: PaymentTransition | null
  /** Every transition recorded, in order: two when a refund implied the unseen `paid`. */
  transitions: PaymentTransition[]
}

/**
 * The payment state machine. Under a row lock (`SELECT … FOR UPDATE`) it moves the payment to
 * `to` along `transitionPath` — directly, or through `paid` when the gateway reports a refund or
 * chargeback of a charge we never saw paid — recording each transition with its source once
 * (the unique (payment_id, to_status) index backs this up). After the commit each transition
 * is announced on its own: `payment_status_change` on the workspace, funnel and buyer channels
 * and one postbacks job, so a paid-then-refunded charge still sends its paid postbacks first.
 * `expired → paid` (money that arrived after our countdown) flags `paid_after_expiry`.
 * A transition that is not allowed is a no-op, not an error: duplicate, late and out-of-order
 * gateway messages must neither fail nor regress a payment.
 */
export default class ApplyPaymentTransition {
  static async handle(params: Params): Promise<TransitionOutcome> {
    const outcome = await db.transaction(async (trx) => {
      const payment = await Payment.forWorkspace(params.workspaceId, { client: trx })
        .where('id', params.paymentId)
        .forUpdate()
        .firstOrFail()

      if (params.snapshot) {
        payment.gatewayResponse = params.snapshot.raw
        if (!payment.externalId) payment.externalId = params.snapshot.externalId
      }

      const path = transitionPath(payment.status, params.to)
      if (path.length === 0) {
        if (payment.status !== params.to) {
          logger.info(
            { paymentId: payment.id, from: payment.status, to: params.to, source: params.source },
            'payment transition refused (kept as is)'
          )
        }
        if (payment.$isDirty) await payment.save()
        await params.within?.(trx)
        return { payment, steps: [] }
      }

      const steps: Array<{ from: PaymentStatus; transition: PaymentTransition }> = []
      for (const to of path) {
        const from = payment.status
        payment.status = to
        if (to === 'paid') {
          payment.paidAt = params.snapshot?.paidAt ?? DateTime.now()
          if (from === 'expired') payment.paidAfterExpiry = true
        }
        if (to !== 'pending') payment.nextCheckAt = null
        await payment.save()
        const implied = to !== params.to
        const transition = await PaymentTransition.create(
          {
            workspaceId: payment.workspaceId,
            paymentId: payment.id,
            fromStatus: from,
            toStatus: to,
            source: params.source,
            webhookEventId: params.webhookEventId ?? null,
            details: {
              ...(params.snapshot ? { gatewayStatus: params.snapshot.gatewayStatus } : {}),
              ...params.details,
              ...(implied ? { impliedBy: params.to } : {}),
              ...(from === 'expired' && to === 'paid' ? { paidAfterExpiry: true } : {}),
            },
          },
          { client: trx }
        )
        steps.push({ from, transition })
      }
      /** A coupon use goes back when the PIX ends unpaid, and is taken again if paid late. */
      await CouponUses.follow(trx, payment, payment.status)
      await params.within?.(trx)
      return { payment, steps }
    })

    /** Each step sees the payment as it was right after that step (status in events and postbacks). */
    const finalStatus = outcome.payment.status
    for (const step of outcome.steps) {
      outcome.payment.status = step.transition.toStatus
      await PaymentEvents.statusChanged(outcome.payment, step.from, step.transition)
    }
    outcome.payment.status = finalStatus
    const transitions = outcome.steps.map((step) => step.transition)
    return {
      applied: transitions.length > 0,
      payment: outcome.payment,
      transition: transitions.at(-1) ?? null,
      transitions,
    }
  }
}
