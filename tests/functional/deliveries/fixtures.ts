import { DateTime } from 'luxon'
import type Workspace from '#models/workspace'
import { PostbackDeliveryFactory } from '#database/factories/postback_delivery_factory'
import { WebhookEndpointFactory } from '#database/factories/webhook_endpoint_factory'
import { aPayment } from '#tests/functional/payments/helpers'

/** A wall-clock time in São Paulo (the factory workspaces' time zone). */
export function saoPaulo(iso: string) {
  return DateTime.fromISO(iso, { zone: 'America/Sao_Paulo' })
}

/** A delivery of the workspace (UTMify `order.paid`, pending, unless merged otherwise). */
export function aDelivery(workspace: Workspace, merge: Record<string, unknown> = {}) {
  return PostbackDeliveryFactory.merge({ workspaceId: workspace.id, ...merge }).create()
}

/**
 * Seven deliveries of two payments over four local days, every status and destination, two
 * webhook endpoints ("CRM" and "ERP"). Two rows sit either side of midnight in São Paulo
 * (23:30 on the 10th is 02:30 UTC on the 11th) to prove the period uses the workspace's zone.
 *
 * | row | target | event           | payment | endpoint | status    | local time       |
 * | 1   | utmify | order.paid      | A       |          | succeeded | 2026-01-10 10:00 |
 * | 2   | meta   | Purchase        | A       |          | failed    | 2026-01-10 23:30 |
 * | 3   | tiktok | CompletePayment | A       |          | dead      | 2026-01-11 00:30 |
 * | 4   | custom | payment.paid    | A       | CRM      | dead      | 2026-01-12 09:00 |
 * | 5   | custom | payment.paid    | B       | ERP      | pending   | 2026-01-12 10:00 |
 * | 6   | ga4    | purchase        | B       |          | succeeded | 2026-01-13 08:00 |
 * | 7   | utmify | order.paid      | B       |          | failed    | 2026-01-13 09:00 |
 */
export async function deliveryLog(workspace: Workspace) {
  const paymentA = await aPayment(workspace, { status: 'paid' })
  const paymentB = await aPayment(workspace, { status: 'paid' })
  const crm = await WebhookEndpointFactory.merge({
    workspaceId: workspace.id,
    name: 'CRM',
  }).create()
  const erp = await WebhookEndpointFactory.merge({
    workspaceId: workspace.id,
    name: 'ERP',
  }).create()
  const row = (merge: Record<string, unknown>) => aDelivery(workspace, merge)
  const rows = [
    await row({
      target: 'utmify',
      event: 'order.paid',
      paymentId: paymentA.id,
      status: 'succeeded',
      attempts: 1,
      responseStatus: 200,
      responseExcerpt: '{"OK":true}',
      durationMs: 120,
      deliveredAt: saoPaulo('2026-01-10T10:00:01'),
      request: { body: { orderId: `A-${paymentA.id}`, status: 'paid' } },
      createdAt: saoPaulo('2026-01-10T10:00:00'),
    }),
    await row({
      target: 'meta',
      event: 'Purchase',
      paymentId: paymentA.id,
      status: 'failed',
      attempts: 2,
      responseStatus: 500,
      responseExcerpt: '{"error":"temporarily unavailable"}',
      lastError: 'HTTP 500',
      nextAttemptAt: saoPaulo('2026-01-11T00:10:00'),
      createdAt: saoPaulo('2026-01-10T23:30:00'),
    }),
    await row({
      target: 'tiktok',
      event: 'CompletePayment',
      paymentId: paymentA.id,
      status: 'dead',
      attempts: 1,
      responseStatus: 400,
      lastError: 'HTTP 400',
      createdAt: saoPaulo('2026-01-11T00:30:00'),
    }),
    await row({
      target: 'custom',
      event: 'payment.paid',
      paymentId: paymentA.id,
      webhookEndpointId: crm.id,
      status: 'dead',
      attempts: 12,
      lastError: 'timeout',
      createdAt: saoPaulo('2026-01-12T09:00:00'),
    }),
    await row({
      target: 'custom',
      event: 'payment.paid',
      paymentId: paymentB.id,
      webhookEndpointId: erp.id,
      status: 'pending',
      createdAt: saoPaulo('2026-01-12T10:00:00'),
    }),
    await row({
      target: 'ga4',
      event: 'purchase',
      paymentId: paymentB.id,
      status: 'succeeded',
      attempts: 1,
      responseStatus: 204,
      createdAt: saoPaulo('2026-01-13T08:00:00'),
    }),
    await row({
      target: 'utmify',
      event: 'order.paid',
      paymentId: paymentB.id,
      status: 'failed',
      attempts: 1,
      lastError: 'HTTP 502',
      createdAt: saoPaulo('2026-01-13T09:00:00'),
    }),
  ]
  return { paymentA, paymentB, crm, erp, rows, ids: rows.map((delivery) => Number(delivery.id)) }
}
