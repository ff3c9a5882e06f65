import { DateTime } from 'luxon'
import WebhookEvent from '#models/webhook_event'
import Payment from '#models/payment'
import ReceiveWebhook from '#actions/payments/receive_webhook'
import ApplyPaymentTransition from '#actions/payments/apply_payment_transition'
import { gatewayForPayment } from '#services/gateways/index'
import { workspaceTable } from '#services/tenancy'

/**
 * Processes one inbox row: finds the payment the postback is about, re-reads the transaction
 * from the gateway (the postback itself is not trusted) and applies the status the gateway
 * reports. Idempotent: a processed row is skipped, and the transition is applied at most once.
 * A failure is written on the row (`error`, `attempts`) and rethrown so the queue retries it
 * with backoff.
 */
export default class ProcessWebhookEvent {
  static async handle({
    workspaceId,
    webhookEventId,
  }: {
    workspaceId: number
    webhookEventId: number
  }) {
    const event = await WebhookEvent.forWorkspace(workspaceId).where('id', webhookEventId).first()
    if (!event) return { outcome: 'missing' as const }
    if (event.processedAt) return { outcome: 'already_processed' as const }

    await workspaceTable(workspaceId, 'webhook_events')
      .where('id', event.id)
      .increment('attempts', 1)

    try {
      const facts = ReceiveWebhook.parse(safeJson(event.rawBody))
      if (!facts) throw new Error('unrecognised payload: no transaction id or status')

      const payment = await this.#payment(workspaceId, event, facts)
      if (!payment) throw new Error(`no payment for transaction ${facts.transactionId}`)

      const gateway = await gatewayForPayment(payment)
      const snapshot = await gateway.getCharge(payment)
      const outcome = await ApplyPaymentTransition.handle({
        workspaceId,
        paymentId: payment.id,
        to: snapshot.status,
        source: 'webhook',
        webhookEventId: Number(event.id),
        snapshot,
        details: { reported: facts.status },
      })

      await workspaceTable(workspaceId, 'webhook_events').where('id', event.id).update({
        processed_at: DateTime.now().toSQL(),
        payment_id: payment.id,
        error: null,
      })
      return { outcome: outcome.applied ? ('applied' as const) : ('unchanged' as const), payment }
    } catch (error) {
      await workspaceTable(workspaceId, 'webhook_events')
        .where('id', event.id)
        .update({ error: String((error as Error)?.message ?? error).slice(0, 1000) })
      throw error
    }
  }

  /** By the gateway's transaction id, else by our public token sent as `externalRef`. */
  static async #payment(
    workspaceId: number,
    event: WebhookEvent,
    facts: NonNullable<ReturnType<typeof ReceiveWebhook.parse>>
  ) {
    const byId = await Payment.forWorkspace(workspaceId)
      .where('gateway', event.gateway)
      .where('external_id', facts.transactionId)
      .first()
    if (byId || !facts.externalRef) return byId
    return Payment.forWorkspace(workspaceId)
      .where('gateway', event.gateway)
      .where('public_token', facts.externalRef)
      .first()
  }
}

function safeJson(raw: string) {
  try {
    return JSON.parse(raw)
  } catch {
    return null
  }
}
