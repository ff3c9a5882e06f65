import db from '@adonisjs/lucid/services/db'
import { DateTime } from 'luxon'
import Workspace from '#models/workspace'
import PaymentTransition from '#models/payment_transition'
import type { PaymentStatus } from '#enums/payments'
import { UTMIFY_STATUS, buildUtmifyOrder } from '#integrations/utmify/orders'
import { WEBHOOK_EVENT_OF_STATUS, paymentWebhookBody } from '#integrations/webhooks/outbound'
import { purchaseFact } from '#integrations/conversions'
import { hasCampaign } from '#services/attribution'
import RecordDeliveries, { type PlannedDelivery } from '#actions/postbacks/record_deliveries'
import PlanBuyerEmails from '#actions/buyer_emails/plan_buyer_emails'
import TrackCheckoutSession from '#actions/checkout_sessions/checkout_session_events'
import {
  conversionDestinations,
  conversionRequests,
  subscribedEndpoints,
} from '#actions/postbacks/destinations'

/**
 * How long the postbacks of a payment wait for its visitor when the checkout carried no
 * campaign of its own (the tracking script could not remember the landing, e.g. storage
 * disabled, and the checkout page's URL has no UTMs) while the browser's beacons are still to
 * be written (the flush lags): the visitor's first touch is then in the first UTMify update,
 * not only in later ones. After this, they go with what is known.
 */
export const ATTRIBUTION_WAIT_SECONDS = 60

/** The payment's visitor is not written yet: plan again in a few seconds. */
export class AttributionPending extends Error {
  constructor(readonly paymentId: number) {
    super(`payment ${paymentId}: waiting for its visitor to be written`)
    this.name = 'AttributionPending'
  }
}

/** The dedupe key of a fact: a (target, payment, status) is planned once, whatever the jobs. */
export function dedupeKey(target: string, paymentId: number, status: string, suffix?: string) {
  return [target, paymentId, status, suffix].filter((part) => part !== undefined).join(':')
}

/**
 * A payment entered a status: one `postback_deliveries` row per configured destination and one
 * `deliver_postback` job per row still to send (RecordDeliveries: duplicate or retried jobs
 * create nothing twice). Then the fact's transition is marked planned (`postbacks_planned_at`),
 * which is what the outbox sweep looks at.
 */
export default class PlanPaymentPostbacks {
  static async handle(params: {
    workspaceId: number
    paymentId: number
    status: string
    /** The transition announced (the creation's `pending` one is "PIX generated"). */
    transitionId?: number
    /** The job may come back later (AttributionPending) rather than plan without the visitor. */
    waitForVisitor?: boolean
  }) {
    const workspace = await Workspace.findOrFail(params.workspaceId)
    const payment = await workspace
      .related('payments')
      .query()
      .where('id', params.paymentId)
      .firstOrFail()
    const status = params.status as PaymentStatus
    const visitor = payment.visitorId
      ? await workspace.related('visitors').query().where('id', payment.visitorId).first()
      : null
    if (
      params.waitForVisitor &&
      !visitor &&
      payment.attribution?.visitor_expected &&
      !hasCampaign(payment.attribution) &&
      DateTime.now().diff(payment.createdAt).as('seconds') < ATTRIBUTION_WAIT_SECONDS
    ) {
      throw new AttributionPending(payment.id)
    }
    const transition = await PaymentTransition.forWorkspace(workspace)
      .where('payment_id', payment.id)
      .where('to_status', status)
      .orderBy('id', 'desc')
      .first()
    const changedAt = transition?.createdAt ?? DateTime.now()
    const destinations = await conversionDestinations(workspace)

    const planned: PlannedDelivery[] = []
    /** A charge the gateway refused at creation generated no PIX: no `pending` to announce. */
    const announced =
      status !== 'pending' ||
      payment.status !== 'failed' ||
      Boolean(payment.pixCode || payment.externalId)
    const plan = (delivery: Omit<PlannedDelivery, 'dedupeKey' | 'paymentId' | 'visitorId'>) =>
      announced &&
      planned.push({
        ...delivery,
        paymentId: payment.id,
        visitorId: payment.visitorId,
        dedupeKey: dedupeKey(
          delivery.target,
          payment.id,
          status,
          delivery.webhookEndpointId ? String(delivery.webhookEndpointId) : undefined
        ),
      })

    const utmifyStatus = UTMIFY_STATUS[status]
    if (destinations.utmify && utmifyStatus) {
      plan({
        target: 'utmify',
        event: `order.${utmifyStatus}`,
        request: { body: buildUtmifyOrder(payment, visitor, utmifyStatus, changedAt) },
      })
    }

    /** Server-side conversions: a Purchase on paid, only where the pixel and its token exist. */
    if (status === 'paid') {
      conversionRequests(purchaseFact(payment, visitor), destinations).forEach(plan)
    }

    /** The agency's own endpoints subscribed to the event. */
    const webhookEvent = WEBHOOK_EVENT_OF_STATUS[status]
    if (webhookEvent) {
      for (const endpoint of await subscribedEndpoints(workspace, webhookEvent)) {
        plan({
          target: 'custom',
          event: webhookEvent,
          webhookEndpointId: endpoint.id,
          request: { body: paymentWebhookBody(webhookEvent, payment, visitor) },
        })
      }
    }

    const result = await RecordDeliveries.handle(workspace, planned)
    /** The buyer's e-mail of the same fact, once per (payment, kind) like the deliveries. */
    if (announced) await PlanBuyerEmails.handle(workspace, payment, status)
    /** Its checkout session: "pago" / "recuperado" / "PIX expirado" (idempotent updates). */
    await TrackCheckoutSession.handle(workspace, payment.id, status, payment.amountCents)
    await this.#markPlanned(workspace.id, params.transitionId)
    return result
  }

  static async #markPlanned(workspaceId: number, transitionId?: number) {
    if (!transitionId) return
    await db.rawQuery(
      `UPDATE payment_transitions SET postbacks_planned_at = now()
        WHERE workspace_id = ? AND id = ? AND postbacks_planned_at IS NULL`,
      [workspaceId, transitionId]
    )
  }
}
