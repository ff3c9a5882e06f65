import db from '@adonisjs/lucid/services/db'
import type Workspace from '#models/workspace'
import type { PostbackTarget } from '#enums/payments'
import queue from '#services/queue'
import { broadcastToWorkspace } from '#services/realtime'

/** A delivery to create: one fact for one destination. */
export interface PlannedDelivery {
  target: PostbackTarget
  event: string
  /** Unique per workspace: the same fact for the same destination is recorded once, ever. */
  dedupeKey: string
  request: Record<string, unknown>
  paymentId?: number | null
  visitorId?: number | null
  webhookEndpointId?: number | null
}

/**
 * Records planned deliveries and queues them: one insert for all of them
 * (`ON CONFLICT DO NOTHING` on the dedupe key, so duplicate or retried jobs create nothing
 * twice), then one `deliver_postback` job per row of these facts still to send, enqueued in one
 * round trip (the job id is the row id, so dispatching again is a no-op while the job exists).
 */
export default class RecordDeliveries {
  static async handle(workspace: Workspace, planned: PlannedDelivery[]) {
    if (!planned.length) return { planned: 0, dispatched: 0 }
    await db.rawQuery(
      `INSERT INTO postback_deliveries
         (workspace_id, target, event, payment_id, visitor_id, webhook_endpoint_id, dedupe_key, request)
       SELECT ?, x.target, x.event, x.payment_id, x.visitor_id, x.webhook_endpoint_id, x.dedupe_key,
              x.request
         FROM jsonb_to_recordset(?::jsonb) AS x(target text, event text, payment_id int,
              visitor_id int, webhook_endpoint_id int, dedupe_key text, request jsonb)
       ON CONFLICT (workspace_id, dedupe_key) DO NOTHING`,
      [
        workspace.id,
        JSON.stringify(
          planned.map((delivery) => ({
            target: delivery.target,
            event: delivery.event,
            payment_id: delivery.paymentId ?? null,
            visitor_id: delivery.visitorId ?? null,
            webhook_endpoint_id: delivery.webhookEndpointId ?? null,
            dedupe_key: delivery.dedupeKey,
            request: delivery.request,
          }))
        ),
      ]
    )

    const pending = await workspace
      .related('postbackDeliveries')
      .query()
      .whereIn(
        'dedupe_key',
        planned.map((delivery) => delivery.dedupeKey)
      )
      .whereIn('status', ['pending', 'failed'])
      .select('id')
    await queue.dispatchMany(
      'deliver_postback',
      pending.map((delivery) => ({ workspaceId: workspace.id, deliveryId: Number(delivery.id) }))
    )
    if (pending.length) {
      const paymentIds = new Set(planned.map((delivery) => delivery.paymentId ?? null))
      broadcastToWorkspace(workspace.id, 'delivery_updated', {
        deliveryId: null,
        outcome: 'planned',
        paymentId: paymentIds.size === 1 ? [...paymentIds][0] : null,
      })
    }
    return { planned: planned.length, dispatched: pending.length }
  }
}
