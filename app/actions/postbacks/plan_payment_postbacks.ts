import db from '@adonisjs/lucid/services/db'
import { DateTime } from 'luxon'
import Workspace from '#models/workspace'
import PaymentTransition from '#models/payment_transition'
import type { PaymentStatus, PostbackTarget } from '#enums/payments'
import { UTMIFY_STATUS, buildUtmifyOrder } from '#integrations/utmify/orders'
import { WEBHOOK_EVENT_OF_STATUS, paymentWebhookBody } from '#integrations/webhooks/outbound'
import { ga4Purchase, metaPurchase, tiktokPurchase } from '#integrations/conversions'
import queue from '#services/queue'
import { deliveryJob } from '#services/postbacks'

/** A non-empty string setting of a credential, else undefined. */
function setting(settings: Record<string, unknown> | undefined, key: string) {
  const value = settings?.[key]
  return typeof value === 'string' && value.trim() ? value.trim() : undefined
}

/** A delivery to create: one fact for one destination. */
export interface PlannedDelivery {
  target: PostbackTarget
  event: string
  request: Record<string, unknown>
  webhookEndpointId?: number | null
}

/** The dedupe key of a fact: a (target, payment, status) is planned once, whatever the jobs. */
export function dedupeKey(target: string, paymentId: number, status: string, suffix?: string) {
  return [target, paymentId, status, suffix].filter((part) => part !== undefined).join(':')
}

/**
 * A payment entered a status: one `postback_deliveries` row per configured destination
 * (`INSERT … ON CONFLICT DO NOTHING` on the dedupe key, so duplicate or retried jobs create
 * nothing twice), then one `deliver_postback` job per pending row of the fact (the job id is the
 * row id, so re-dispatching is a no-op while the job exists).
 */
export default class PlanPaymentPostbacks {
  static async handle(params: { workspaceId: number; paymentId: number; status: string }) {
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
    const transition = await PaymentTransition.query()
      .where('workspace_id', workspace.id)
      .where('payment_id', payment.id)
      .where('to_status', status)
      .orderBy('id', 'desc')
      .first()
    const changedAt = transition?.createdAt ?? DateTime.now()

    const credentials = await workspace
      .related('credentials')
      .query()
      .where('is_active', true)
      .orderBy('id', 'asc')
    const byService = new Map(credentials.map((credential) => [credential.service, credential]))

    const planned: PlannedDelivery[] = []
    const utmifyStatus = UTMIFY_STATUS[status]
    if (byService.has('utmify') && utmifyStatus) {
      planned.push({
        target: 'utmify',
        event: `order.${utmifyStatus}`,
        request: {
          body: buildUtmifyOrder(payment, visitor, utmifyStatus, changedAt),
        },
      })
    }

    /** Server-side conversions: a Purchase on paid, only where the pixel and its token exist. */
    if (status === 'paid') {
      const meta = byService.get('meta_capi')
      const pixelId = setting(meta?.settings, 'pixelId')
      if (meta && pixelId) {
        planned.push({
          target: 'meta',
          event: 'Purchase',
          request: {
            body: metaPurchase(payment, visitor, setting(meta.settings, 'testEventCode')),
          },
        })
      }
      const tiktok = byService.get('tiktok_events')
      const pixelCode = setting(tiktok?.settings, 'pixelCode')
      if (tiktok && pixelCode) {
        planned.push({
          target: 'tiktok',
          event: 'CompletePayment',
          request: {
            body: tiktokPurchase(
              payment,
              visitor,
              pixelCode,
              setting(tiktok.settings, 'testEventCode')
            ),
          },
        })
      }
      const ga4 = byService.get('ga4')
      if (ga4 && setting(ga4.settings, 'measurementId')) {
        planned.push({
          target: 'ga4',
          event: 'purchase',
          request: { body: ga4Purchase(payment, visitor) },
        })
      }
    }

    /** The agency's own endpoints subscribed to the event. */
    const webhookEvent = WEBHOOK_EVENT_OF_STATUS[status]
    if (webhookEvent) {
      const endpoints = await workspace
        .related('webhookEndpoints')
        .query()
        .where('is_active', true)
        .whereRaw('events @> ?::jsonb', [JSON.stringify([webhookEvent])])
        .orderBy('id', 'asc')
      for (const endpoint of endpoints) {
        planned.push({
          target: 'custom',
          event: webhookEvent,
          webhookEndpointId: endpoint.id,
          request: { body: paymentWebhookBody(webhookEvent, payment, visitor) },
        })
      }
    }

    const keys = planned.map((delivery) =>
      dedupeKey(
        delivery.target,
        payment.id,
        status,
        delivery.webhookEndpointId ? String(delivery.webhookEndpointId) : undefined
      )
    )
    if (planned.length) {
      await db.transaction(async (trx) => {
        for (const [index, delivery] of planned.entries()) {
          await trx.rawQuery(
            `INSERT INTO postback_deliveries
               (workspace_id, target, event, payment_id, visitor_id, webhook_endpoint_id, dedupe_key, request)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?::jsonb)
             ON CONFLICT (workspace_id, dedupe_key) DO NOTHING`,
            [
              workspace.id,
              delivery.target,
              delivery.event,
              payment.id,
              payment.visitorId,
              delivery.webhookEndpointId ?? null,
              keys[index],
              JSON.stringify(delivery.request),
            ] as any[]
          )
        }
      })
    }

    const pending = keys.length
      ? await workspace
          .related('postbackDeliveries')
          .query()
          .whereIn('dedupe_key', keys)
          .whereIn('status', ['pending', 'failed'])
      : []
    for (const delivery of pending) {
      await queue.dispatch(
        'postbacks',
        'deliver_postback',
        { workspaceId: workspace.id, deliveryId: Number(delivery.id) },
        deliveryJob(delivery.id)
      )
    }
    return { planned: keys.length, dispatched: pending.length }
  }
}
