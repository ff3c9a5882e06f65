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
    const hops = new HopTimer()
    /**
     * Claims the row and counts the attempt in one statement (a processed row is not taken):
     * one round trip instead of a read and an increment, on the path every paid PIX takes.
     */
    const claimed = await workspaceTable(workspaceId, 'webhook_events')
      .where('id', webhookEventId)
      .whereNull('processed_at')
      .increment('attempts', 1)
      .returning(['id', 'gateway', 'raw_body', 'received_at'])
    const event = claimed[0] as
      | {
          id: number | string
          gateway: WebhookEvent['gateway']
          raw_body: string
          received_at: Date
        }
      | undefined
    if (!event) {
      const exists = await WebhookEvent.forWorkspace(workspaceId)
        .where('id', webhookEventId)
        .first()
      return { outcome: exists ? ('already_processed' as const) : ('missing' as const) }
    }

    try {
      const facts = ReceiveWebhook.parse(safeJson(event.raw_body))
      if (!facts) throw new Error('unrecognised payload: no transaction id or status')

      const payment = await this.#payment(workspaceId, event, facts)
      if (!payment) throw new Error(`no payment for transaction ${facts.transactionId}`)
      hops.mark('readMs')

      const gateway = await gatewayForPayment(payment)
      const snapshot = await gateway.getCharge(payment)
      hops.mark('gatewayMs')
      const outcome = await ApplyPaymentTransition.handle({
        workspaceId,
        paymentId: payment.id,
        to: snapshot.status,
        source: 'webhook',
        webhookEventId: Number(event.id),
        snapshot,
        details: { reported: facts.status },
        /**
         * The row is marked processed in the transition's own transaction: processed exactly
         * when the transition (or the decision that none applies) committed, and one commit
         * fewer before the broadcast.
         */
        within: (trx) =>
          workspaceTable(workspaceId, 'webhook_events', trx).where('id', event.id).update({
            processed_at: DateTime.now().toSQL(),
            payment_id: payment.id,
            error: null,
          }),
      })
      /** The transition's commit, its broadcasts and its postbacks job. */
      hops.mark('transitionMs')
      return {
        outcome: outcome.applied ? ('applied' as const) : ('unchanged' as const),
        payment,
        /** From the delivery's arrival (`received_at`) to this processing's start, then per hop. */
        timings: {
          sinceReceivedMs: hops.startedAt - new Date(event.received_at).getTime(),
          ...hops.spent,
        },
      }
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
    event: { gateway: WebhookEvent['gateway'] },
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

/** Milliseconds spent per hop of the live path (logged by the job, read by `bench:live`). */
class HopTimer {
  startedAt = Date.now()
  spent: Record<string, number> = {}
  #last = performance.now()

  mark(hop: string) {
    const now = performance.now()
    this.spent[hop] = Math.round((now - this.#last) * 10) / 10
    this.#last = now
  }
}

function safeJson(raw: string) {
  try {
    return JSON.parse(raw)
  } catch {
    return null
  }
}
