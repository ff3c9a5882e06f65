import type Workspace from '#models/workspace'
import { workspaceTable } from '#services/tenancy'

/** The buyer e-mails of one payment (admin payment page), oldest first. */
export async function buyerEmailRows(workspace: Workspace, paymentId: number) {
  const rows = await workspaceTable(workspace, 'buyer_emails')
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
