import db from '@adonisjs/lucid/services/db'
import { DateTime } from 'luxon'
import type Workspace from '#models/workspace'
import Payment from '#models/payment'
import WebhookEvent from '#models/webhook_event'
import { DomainError } from '#exceptions/domain_error'
import ReceiveWebhook from '#actions/payments/receive_webhook'

/**
 * "Marcar como pago" / "recusar" for a sandbox payment: changes the sandbox gateway's own
 * record of the transaction, then posts its postback into the webhook inbox, exactly as
 * SkalePay would. The worker then processes it like any delivery (re-reads the transaction,
 * applies the transition), so events and postbacks follow the production path.
 */
export default class MarkSandboxPayment {
  static async handle(params: {
    workspace: Workspace
    payment: Payment
    status: 'paid' | 'refused'
  }) {
    const { workspace } = params
    if (params.payment.gateway !== 'sandbox') {
      throw new DomainError(422, 'not_sandbox', 'payments.errors.not_sandbox')
    }

    const record = await db.transaction(async (trx) => {
      const payment = await Payment.forWorkspace(workspace, { client: trx })
        .where('id', params.payment.id)
        .forUpdate()
        .firstOrFail()
      if (payment.status !== 'pending' || !payment.externalId) {
        throw new DomainError(409, 'not_pending', 'payments.errors.not_pending')
      }
      const now = DateTime.now().toISO()
      const updated: Record<string, unknown> = {
        ...payment.gatewayResponse,
        status: params.status,
        updatedAt: now,
        ...(params.status === 'paid'
          ? { paidAt: now, paidAmount: payment.amountCents }
          : { refusedReason: { description: 'Recusado no sandbox' } }),
      }
      payment.gatewayResponse = updated
      await payment.save()
      return updated
    })

    const envelope = {
      id: `sbx_evt_${record.id}_${params.status}`,
      type: 'transaction',
      objectId: record.id,
      data: record,
    }
    const received = await ReceiveWebhook.handle({
      workspaceId: workspace.id,
      gateway: 'sandbox',
      rawBody: JSON.stringify(envelope),
      body: envelope,
      headers: { 'content-type': 'application/json', 'user-agent': 'FunilDigital-Sandbox/1.0' },
    })
    return WebhookEvent.forWorkspace(workspace).where('id', received.id).first()
  }
}
