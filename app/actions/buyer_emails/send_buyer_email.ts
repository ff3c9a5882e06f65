import db from '@adonisjs/lucid/services/db'
import mail from '@adonisjs/mail/services/main'
import Workspace from '#models/workspace'
import Payment from '#models/payment'
import BuyerMail from '#mails/buyer_mail'
import ComposeBuyerEmail from '#actions/buyer_emails/compose_buyer_email'
import type { BuyerEmailKind } from '#services/buyer_email_settings'
import { workspaceTable } from '#services/tenancy'

/**
 * Sends one `buyer_emails` row, at most once: the row is locked (FOR UPDATE) for the length of
 * the SMTP send and marked sent in the same transaction, so a duplicate job running at the same
 * time waits and then finds it sent. A failed send rolls back, records the error and rethrows
 * for BullMQ's retry.
 */
export default class SendBuyerEmail {
  static async handle({
    workspaceId,
    buyerEmailId,
  }: {
    workspaceId: number
    buyerEmailId: number
  }) {
    try {
      return await db.transaction(async (trx) => {
        const row = await workspaceTable(workspaceId, 'buyer_emails', trx)
          .where('id', buyerEmailId)
          .forUpdate()
          .first()
        if (!row || row.status === 'sent') return { sent: false }
        const workspace = await Workspace.findOrFail(workspaceId, { client: trx })
        const payment = await Payment.forWorkspace(workspace, { client: trx })
          .where('id', row.payment_id)
          .firstOrFail()
        const composed = await ComposeBuyerEmail.handle({
          workspace,
          payment,
          kind: row.kind as BuyerEmailKind,
          to: row.to_email,
        })
        const response = await mail.send(new BuyerMail(composed))
        await workspaceTable(workspace, 'buyer_emails', trx)
          .where('id', row.id)
          .update({
            status: 'sent',
            sent_at: new Date(),
            subject: composed.subject.slice(0, 255),
            message_id: response?.messageId?.slice(0, 255) ?? null,
            attempts: row.attempts + 1,
            last_error: null,
            updated_at: new Date(),
          })
        return { sent: true }
      })
    } catch (error) {
      await workspaceTable(workspaceId, 'buyer_emails')
        .where('id', buyerEmailId)
        .whereNot('status', 'sent')
        .update({
          status: 'failed',
          attempts: db.raw('attempts + 1'),
          last_error: String((error as Error)?.message ?? error).slice(0, 1000),
          updated_at: new Date(),
        })
      throw error
    }
  }
}
