import db from '@adonisjs/lucid/services/db'
import type Workspace from '#models/workspace'
import type Payment from '#models/payment'
import queue from '#services/queue'
import {
  BUYER_EMAIL_OF_STATUS,
  buyerEmailSettings,
  type BuyerEmailKind,
} from '#services/buyer_email_settings'
import { workspaceTable } from '#services/tenancy'

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/

/**
 * A payment entered a status (planned with its postbacks, PlanPaymentPostbacks): the buyer's
 * e-mail of that fact gets its `buyer_emails` row — unique on (workspace, payment, kind), so a
 * duplicate or retried job finds it — and a `send_buyer_email` job whose id is the row's.
 * A row still unsent is re-queued (its job may be lost); SendBuyerEmail sends it at most once.
 */
export default class PlanBuyerEmails {
  static async handle(workspace: Workspace, payment: Payment, status: string) {
    const kind = this.#kindFor(payment, status)
    if (!kind) return null
    const settings = buyerEmailSettings(workspace)
    const to = String(payment.customerData?.email ?? '')
      .trim()
      .toLowerCase()
    if (!settings.enabled || !EMAIL.test(to) || to.length > 255) return null

    await db.rawQuery(
      `INSERT INTO buyer_emails (workspace_id, payment_id, kind, to_email)
       VALUES (?, ?, ?, ?) ON CONFLICT (workspace_id, payment_id, kind) DO NOTHING`,
      [workspace.id, payment.id, kind, to]
    )
    const row = await workspaceTable(workspace, 'buyer_emails')
      .where('payment_id', payment.id)
      .where('kind', kind)
      .first()
    if (!row || row.status === 'sent') return row?.id ?? null
    await queue.dispatch('send_buyer_email', {
      workspaceId: workspace.id,
      buyerEmailId: Number(row.id),
    })
    return Number(row.id)
  }

  /**
   * Which e-mail a fact is. A late plan (the outbox sweep) sends no "PIX gerado" for a payment
   * already paid or expired, and no "PIX expirado" once it was paid after all.
   */
  static #kindFor(payment: Payment, status: string): BuyerEmailKind | null {
    const kind = BUYER_EMAIL_OF_STATUS[status]
    if (!kind) return null
    if (kind === 'pix_generated' && (payment.status !== 'pending' || !payment.pixCode)) return null
    if (kind === 'pix_expired' && payment.status === 'paid') return null
    return kind
  }
}
