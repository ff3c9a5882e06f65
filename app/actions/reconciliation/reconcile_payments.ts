import db from '@adonisjs/lucid/services/db'
import logger from '@adonisjs/core/services/logger'
import { DateTime } from 'luxon'
import Workspace from '#models/workspace'
import type Payment from '#models/payment'
import type { PaymentStatus } from '#enums/payments'
import { UTMIFY_STATUS } from '#integrations/utmify/orders'
import { gatewayForPayment, GatewayError } from '#services/gateways/index'
import ApplyPaymentTransition from '#actions/payments/apply_payment_transition'
import PlanPaymentPostbacks, { dedupeKey } from '#actions/postbacks/plan_payment_postbacks'
import RedeliverPostback from '#actions/postbacks/redeliver_postback'
import { conversionDestinations } from '#actions/postbacks/destinations'
import { workspaceTable } from '#services/tenancy'

export const MISMATCH_KINDS = [
  'gateway_status',
  'gateway_missing',
  'gateway_unreachable',
  'utmify_unacknowledged',
] as const
export type MismatchKind = (typeof MISMATCH_KINDS)[number]

export const MISMATCH_ACTIONS = [
  'status_corrected',
  'postback_resent',
  'postback_planned',
  'none',
] as const
export type MismatchAction = (typeof MISMATCH_ACTIONS)[number]

interface Found {
  payment: Payment
  kind: MismatchKind
  ours: string
  theirs: string | null
  action: MismatchAction
  details?: Record<string, unknown>
}

/** Run options; the defaults are the daily job's. */
interface Options {
  /** Payments created in [now − fromHours, now − toHours) are compared. */
  fromHours?: number
  toHours?: number
  /** A UTMify fact younger than this is still in flight, not a mismatch. */
  settleMinutes?: number
  now?: DateTime
}

/**
 * The daily reconciliation of one workspace. Each recent payment is read at its gateway
 * (sandbox or SkalePay, the same `getCharge` as the polls: one read per payment per run, within
 * the charge's read budget) and each of its facts UTMify should know (`UTMIFY_STATUS`) is
 * looked up among the UTMify deliveries. Every difference is stored once per payment, kind
 * and day in `reconciliation_mismatches`, with what was done about it:
 * - the gateway's status is applied when the state machine allows it (`status_corrected`),
 *   e.g. a payment the polls never saw paid; a regression (we say paid, the gateway says
 *   waiting) is only reported (`none`): nothing goes backwards without a person;
 * - a UTMify fact never planned is planned now (`postback_planned`), a failed or dead one is
 *   sent again (`postback_resent`).
 */
export default class ReconcilePayments {
  /** Every workspace with recent payments (or one); failures of one do not stop the others. */
  static async handleAll({ workspaceId, ...options }: Options & { workspaceId?: number } = {}) {
    const now = options.now ?? DateTime.now()
    const since = now.minus({ hours: options.fromHours ?? 26 })
    const query = Workspace.query()
      .whereNull('archived_at')
      .whereHas('payments', (payments) => payments.where('created_at', '>=', since.toSQL()!))
    if (workspaceId) query.where('id', workspaceId)
    const results = []
    for (const workspace of await query) {
      try {
        results.push({ workspaceId: workspace.id, ...(await this.handle(workspace, options)) })
      } catch (error) {
        logger.error({ err: error, workspaceId: workspace.id }, 'reconciliation failed')
      }
    }
    return results
  }

  static async handle(workspace: Workspace, options: Options = {}) {
    const now = options.now ?? DateTime.now()
    const payments = await workspace
      .related('payments')
      .query()
      .where('created_at', '>=', now.minus({ hours: options.fromHours ?? 26 }).toSQL()!)
      .where('created_at', '<', now.minus({ hours: options.toHours ?? 1 }).toSQL()!)
      .orderBy('id')
    const destinations = await conversionDestinations(workspace)
    const settleBefore = now.minus({ minutes: options.settleMinutes ?? 10 })

    const found: Found[] = []
    for (const payment of payments) {
      const gateway = await this.#compareWithGateway(payment)
      if (gateway) found.push(gateway)
      if (destinations.utmify) {
        found.push(...(await this.#compareWithUtmify(workspace, payment, settleBefore)))
      }
    }

    const day = now.setZone(workspace.timezone || 'America/Sao_Paulo').toISODate()!
    for (const mismatch of found) await this.#store(workspace, day, mismatch)
    return { compared: payments.length, mismatches: found.length }
  }

  /** The gateway's word on one payment; null when it agrees (or cannot be asked). */
  static async #compareWithGateway(payment: Payment): Promise<Found | null> {
    /** A charge refused at creation never reached the gateway: nothing to compare. */
    if (!payment.externalId) return null
    const ours = payment.status
    try {
      const gateway = await gatewayForPayment(payment)
      const snapshot = await gateway.getCharge(payment)
      /** Still payable at the gateway after our countdown: expected (SkalePay expires in days). */
      if (snapshot.status === ours || (snapshot.status === 'pending' && ours === 'expired')) {
        return null
      }
      /** Still pending on both sides is the polls' business (a young charge). */
      if (snapshot.status === 'pending' && ours === 'pending') return null
      const outcome = await ApplyPaymentTransition.handle({
        workspaceId: payment.workspaceId,
        paymentId: payment.id,
        to: snapshot.status,
        source: 'reconciliation',
        snapshot,
        details: { action: 'reconciliation' },
      })
      return {
        payment,
        kind: 'gateway_status',
        ours,
        theirs: snapshot.gatewayStatus,
        action: outcome.applied ? 'status_corrected' : 'none',
        details: outcome.applied ? { correctedTo: outcome.payment.status } : {},
      }
    } catch (error) {
      if (!(error instanceof GatewayError)) throw error
      return {
        payment,
        kind: error.reason === 'not_found' ? 'gateway_missing' : 'gateway_unreachable',
        ours,
        theirs: error.reason,
        action: 'none',
        details: { detail: error.detail?.slice(0, 300) ?? null },
      }
    }
  }

  /** Each UTMify fact of the payment (its transitions) must have a succeeded delivery. */
  static async #compareWithUtmify(workspace: Workspace, payment: Payment, settleBefore: DateTime) {
    const transitions = await workspaceTable(workspace, 'payment_transitions')
      .where('payment_id', payment.id)
      .where('created_at', '<', settleBefore.toSQL()!)
      .select('id', 'to_status')
      .orderBy('id')
    /** A charge refused at creation generated no PIX: its `pending` is not announced. */
    const facts = transitions.filter(({ to_status: status }) => {
      if (!UTMIFY_STATUS[status as PaymentStatus]) return false
      return status !== 'pending' || !!payment.externalId || !!payment.pixCode
    })
    if (!facts.length) return []
    /** The payment's UTMify deliveries in one query, not one per fact. */
    const rows = await workspace
      .related('postbackDeliveries')
      .query()
      .whereIn(
        'dedupe_key',
        facts.map(({ to_status: status }) => dedupeKey('utmify', payment.id, status))
      )
    const deliveries = new Map(rows.map((delivery) => [delivery.dedupeKey, delivery]))
    const found: Found[] = []
    for (const transition of facts) {
      const status = transition.to_status as PaymentStatus
      const delivery = deliveries.get(dedupeKey('utmify', payment.id, status))
      if (delivery?.status === 'succeeded') continue
      if (delivery?.status === 'pending' && delivery.createdAt > settleBefore) continue

      let action: MismatchAction = 'none'
      if (!delivery) {
        await PlanPaymentPostbacks.handle({
          workspaceId: workspace.id,
          paymentId: payment.id,
          status,
          transitionId: Number(transition.id),
        })
        action = 'postback_planned'
      } else if (delivery.status === 'failed' || delivery.status === 'dead') {
        await RedeliverPostback.handle({ workspace, deliveryId: Number(delivery.id) })
        action = 'postback_resent'
      }
      found.push({
        payment,
        kind: 'utmify_unacknowledged',
        ours: status,
        theirs: delivery ? delivery.status : 'missing',
        action,
        details: {
          fact: status,
          deliveryId: delivery ? Number(delivery.id) : null,
          lastError: delivery?.lastError?.slice(0, 300) ?? null,
        },
      })
    }
    return found
  }

  /** One row per payment, kind and day: a second run the same day updates it. */
  static async #store(workspace: Workspace, day: string, mismatch: Found) {
    await db.rawQuery(
      `INSERT INTO reconciliation_mismatches
         (workspace_id, payment_id, kind, ours, theirs, action, details, detected_on)
       VALUES (?, ?, ?, ?, ?, ?, ?::jsonb, ?)
       ON CONFLICT (workspace_id, payment_id, kind, detected_on) DO UPDATE
         SET ours = EXCLUDED.ours, theirs = EXCLUDED.theirs, details = EXCLUDED.details,
             action = CASE WHEN EXCLUDED.action = 'none'
                           THEN reconciliation_mismatches.action ELSE EXCLUDED.action END,
             detected_at = now()`,
      [
        workspace.id,
        mismatch.payment.id,
        mismatch.kind,
        mismatch.ours,
        mismatch.theirs,
        mismatch.action,
        JSON.stringify(mismatch.details ?? {}),
        day,
      ]
    )
  }
}
