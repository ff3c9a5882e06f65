import type Workspace from '#models/workspace'
import FindDataSubject, { type SubjectRecords } from '#actions/lgpd/find_data_subject'
import type { DataSubject } from '#actions/lgpd/data_subject'
import { csvText } from '#services/csv'

/** Columns never handed out, even to the subject: secrets of the workspace, not their data. */
const WITHHELD = new Set(['lease_token', 'dedupe_key', 'public_token', 'token', 'cpf_hash'])

/** Table names as the document shows them (the database's own). */
const TABLES: Record<keyof SubjectRecords, string> = {
  payments: 'payments',
  paymentTransitions: 'payment_transitions',
  visitors: 'visitors',
  visitorEvents: 'visitor_events',
  checkoutSessions: 'checkout_sessions',
  consents: 'consents',
  buyerEmails: 'buyer_emails',
  postbackDeliveries: 'postback_deliveries',
  webhookEvents: 'webhook_events',
  cpfLookups: 'cpf_lookups',
  reconciliationMismatches: 'reconciliation_mismatches',
}

const clean = (row: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(row).filter(([key]) => !WITHHELD.has(key)))

/**
 * Everything a workspace holds about a data subject (LGPD art. 18, II), as one JSON document
 * (table → rows, every column but the workspace's own secrets) or as CSV rows
 * `tabela;id;campo;valor` with nested JSON flattened to dotted paths.
 */
export default class ExportDataSubject {
  static async document({ workspace, subject }: { workspace: Workspace; subject: DataSubject }) {
    const records = await FindDataSubject.handle({ workspace, subject })
    return {
      generatedAt: new Date().toISOString(),
      controller: { workspace: workspace.name },
      subject,
      records: Object.fromEntries(
        (Object.keys(TABLES) as Array<keyof SubjectRecords>).map((key) => [
          TABLES[key],
          records[key].map(clean),
        ])
      ),
    }
  }

  /** The document's rows for a CSV (header first). */
  static csvRows(document: Awaited<ReturnType<typeof ExportDataSubject.document>>) {
    const rows: unknown[][] = [['tabela', 'id', 'campo', 'valor']]
    for (const [table, records] of Object.entries(document.records)) {
      for (const record of records as Array<Record<string, unknown>>) {
        for (const [path, value] of flatten(record)) {
          rows.push([table, record.id, path, csvText(value)])
        }
      }
    }
    return rows
  }
}

/** `{ a: { b: 1 }, c: [2] }` → `[['a.b', 1], ['c.0', 2]]`; dates as ISO text. */
function flatten(value: unknown, prefix = ''): Array<[string, unknown]> {
  if (value instanceof Date) return [[prefix, value.toISOString()]]
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
    if (!entries.length) return prefix ? [[prefix, '']] : []
    return entries.flatMap(([key, item]) => flatten(item, prefix ? `${prefix}.${key}` : key))
  }
  return [[prefix, value ?? '']]
}
