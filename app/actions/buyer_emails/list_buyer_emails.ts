import db from '@adonisjs/lucid/services/db'
import type Workspace from '#models/workspace'

/** The buyer e-mails of one payment (admin payment page), oldest first. */
export async function buyerEmailRows(workspace: Workspace, paymentId: number) {
  const rows = await db
    .from('buyer_emails')
    .where('workspace_id', workspace.id)
    .where('payment_id', paymentId)
    .orderBy('id')
    .limit(20)
  return rows.map((row) => ({
    id: Number(row.id),
    kind: String(row.kind),
    to: String(row.to_email),
    status: String(row.status) as 'pending' | 'sent' | 'failed',
    subject: (row.subject as string | null) ?? null,
    attempts: Number(row.attempts),
    lastError: (row.last_error as string | null) ?? null,
    sentAt: row.sent_at ? new Date(row.sent_at).toISOString() : null,
    createdAt: new Date(row.created_at).toISOString(),
  }))
}

export type BuyerEmailRow = Awaited<ReturnType<typeof buyerEmailRows>>[number]
