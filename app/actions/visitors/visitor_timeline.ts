import type Workspace from '#models/workspace'
import type { JsonObject } from '#types/json'

export type TimelineEntry = {
  id: string
  type: 'pix_generated' | 'pix_paid' | 'postback'
  funnelId: number | null
  stepId: number | null
  stepName: string | null
  data: JsonObject
  createdAt: string | null
}

/**
 * What happened to a visitor outside its page events, as timeline entries: each PIX it
 * generated and when it was paid, and every postback those payments (or the visitor) sent,
 * with its destination and outcome. Workspace-scoped like everything in the admin.
 */
export default class VisitorTimeline {
  static async paymentEntries(
    workspace: Workspace,
    visitorId: number,
    steps: Map<number, string>
  ): Promise<TimelineEntry[]> {
    const payments = await workspace
      .related('payments')
      .query()
      .where('visitor_id', visitorId)
      .select('id', 'funnel_id', 'step_id', 'status', 'amount_cents', 'created_at', 'paid_at')
      .select('parent_payment_id')
      .orderBy('created_at', 'desc')
      .limit(50)
    const paymentIds = payments.map((payment) => payment.id)
    const deliveries = await workspace
      .related('postbackDeliveries')
      .query()
      .where((q) => {
        q.where('visitor_id', visitorId)
        if (paymentIds.length) q.orWhereIn('payment_id', paymentIds)
      })
      .select('id', 'target', 'event', 'status', 'payment_id', 'created_at', 'delivered_at')
      .orderBy('created_at', 'desc')
      .limit(100)

    const entries: TimelineEntry[] = []
    for (const payment of payments) {
      const base = {
        funnelId: payment.funnelId,
        stepId: payment.stepId,
        stepName: payment.stepId ? (steps.get(payment.stepId) ?? null) : null,
      }
      const data = {
        paymentId: payment.id,
        amountCents: payment.amountCents,
        status: payment.status,
        upsell: payment.parentPaymentId !== null,
      }
      entries.push({
        id: `payment-${payment.id}-generated`,
        type: 'pix_generated',
        ...base,
        data,
        createdAt: payment.createdAt.toISO(),
      })
      if (payment.paidAt) {
        entries.push({
          id: `payment-${payment.id}-paid`,
          type: 'pix_paid',
          ...base,
          data,
          createdAt: payment.paidAt.toISO(),
        })
      }
    }
    for (const delivery of deliveries) {
      entries.push({
        id: `delivery-${delivery.id}`,
        type: 'postback',
        funnelId: null,
        stepId: null,
        stepName: null,
        data: {
          target: delivery.target,
          event: delivery.event,
          status: delivery.status,
          paymentId: delivery.paymentId,
        },
        createdAt: (delivery.deliveredAt ?? delivery.createdAt).toISO(),
      })
    }
    return entries
  }
}
