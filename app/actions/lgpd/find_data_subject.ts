import { createHmac } from 'node:crypto'
import db from '@adonisjs/lucid/services/db'
import type { QueryClientContract } from '@adonisjs/lucid/types/database'
import env from '#start/env'
import type Workspace from '#models/workspace'
import { workspaceTable } from '#services/tenancy'
import { cpfRegex, phoneRegex, phoneVariants, type DataSubject } from '#actions/lgpd/data_subject'

type Row = Record<string, any>

/** A visitor's raw events exported at most (page views of years of visits would be endless). */
const MAX_EVENTS = 10_000

/** Everything a workspace holds about one data subject, table by table. */
export interface SubjectRecords {
  payments: Row[]
  paymentTransitions: Row[]
  visitors: Row[]
  visitorEvents: Row[]
  checkoutSessions: Row[]
  consents: Row[]
  buyerEmails: Row[]
  postbackDeliveries: Row[]
  webhookEvents: Row[]
  cpfLookups: Row[]
  reconciliationMismatches: Row[]
}

/** The HMAC under which LookupCpf records (and caches) a CPF in this workspace. */
export function cpfLookupHash(workspaceId: number, cpf: string) {
  return createHmac('sha256', env.get('APP_KEY').release())
    .update(`${workspaceId}:${cpf}`)
    .digest('hex')
}

const ids = (rows: Row[], key = 'id') => [
  ...new Set(rows.map((row) => row[key]).filter((id) => id !== null && id !== undefined)),
]

/**
 * Finds a data subject in one workspace: payments by the buyer's e-mail, CPF or phone;
 * checkout sessions by e-mail or phone; visitors by their capture form's data, by their
 * payments and by the checkout sessions of their browser session; then what hangs from those
 * (events, consents, e-mails sent, postbacks, gateway webhooks, CPF lookups), plus webhook
 * bodies and postback payloads that carry an identifier without being linked. Every query
 * starts from the workspace; none runs per row.
 */
export default class FindDataSubject {
  static async handle(params: {
    workspace: Workspace
    subject: DataSubject
    client?: QueryClientContract
  }): Promise<SubjectRecords> {
    const { workspace, subject } = params
    const client = params.client ?? db
    const from = (table: string) => workspaceTable(workspace, table, client)
    const phones = subject.phone ? phoneVariants(subject.phone) : []
    const digitsOf = (expression: string) =>
      `regexp_replace(coalesce(${expression}, ''), '\\D', '', 'g')`

    type Condition = ((q: any) => void) | false | null | undefined | ''
    /**
     * Rows of a table matching any of the conditions; none applicable is no rows (an empty
     * WHERE would be the whole table).
     */
    const matching = async (table: string, conditions: Condition[], order = 'id') => {
      const active = conditions.filter(Boolean) as Array<(q: any) => void>
      if (!active.length) return [] as Row[]
      return (await from(table)
        .where((q) => active.forEach((condition) => condition(q)))
        .orderBy(order)) as Row[]
    }
    const textMatches = (column: string): Condition[] => [
      subject.email && ((q) => q.orWhereRaw(`${column} ilike ?`, [`%${subject.email}%`])),
      subject.cpf && ((q) => q.orWhereRaw(`${column} ~ ?`, [cpfRegex(subject.cpf!)])),
      subject.phone && ((q) => q.orWhereRaw(`${column} ~ ?`, [phoneRegex(subject.phone!)])),
    ]

    const payments = await matching('payments', [
      subject.email && ((q) => q.orWhereRaw(`lower(customer_data->>'email') = ?`, [subject.email])),
      subject.cpf &&
        ((q) => q.orWhereRaw(`${digitsOf(`customer_data->>'cpf'`)} = ?`, [subject.cpf])),
      phones.length > 0 &&
        ((q) => q.orWhereRaw(`${digitsOf(`customer_data->>'phone'`)} in (?, ?)`, phones)),
    ])
    const paymentIds = ids(payments)

    const sessionsByIdentifier = await matching('checkout_sessions', [
      subject.email && ((q) => q.orWhereRaw('lower(email) = ?', [subject.email])),
      phones.length > 0 && ((q) => q.orWhereRaw(`${digitsOf('phone')} in (?, ?)`, phones)),
      paymentIds.length > 0 && ((q) => q.orWhereIn('payment_id', paymentIds)),
    ])

    const sessionIds = [
      ...ids(payments, 'visitor_session_id'),
      ...ids(sessionsByIdentifier, 'session_id'),
    ]
    const paymentVisitorIds = ids(payments, 'visitor_id')
    const visitors = await matching('visitors', [
      subject.email && ((q) => q.orWhereRaw(`lower(lead->>'email') = ?`, [subject.email])),
      subject.cpf && ((q) => q.orWhereRaw(`${digitsOf(`lead->>'cpf'`)} = ?`, [subject.cpf])),
      phones.length > 0 && ((q) => q.orWhereRaw(`${digitsOf(`lead->>'phone'`)} in (?, ?)`, phones)),
      paymentVisitorIds.length > 0 && ((q) => q.orWhereIn('id', paymentVisitorIds)),
      sessionIds.length > 0 && ((q) => q.orWhereIn('session_id', sessionIds)),
    ])
    const visitorIds = ids(visitors)
    const allSessionIds = [...new Set([...sessionIds, ...ids(visitors, 'session_id')])]

    /** The same browser session's other checkouts (typed before the e-mail was). */
    const knownSessions = ids(sessionsByIdentifier)
    const checkoutSessions = await matching('checkout_sessions', [
      allSessionIds.length > 0 && ((q) => q.orWhereIn('session_id', allSessionIds)),
      knownSessions.length > 0 && ((q) => q.orWhereIn('id', knownSessions)),
    ])

    /** One after another: inside the erasure's transaction they share one connection. */
    const paymentTransitions = await matching('payment_transitions', [
      paymentIds.length > 0 && ((q) => q.orWhereIn('payment_id', paymentIds)),
    ])
    const visitorEvents: Row[] = visitorIds.length
      ? await from('visitor_events')
          .whereIn('visitor_id', visitorIds)
          .orderBy('created_at', 'desc')
          .limit(MAX_EVENTS)
      : []
    const consents = await matching('consents', [
      subject.email && ((q) => q.orWhereRaw('lower(email) = ?', [subject.email])),
      allSessionIds.length > 0 && ((q) => q.orWhereIn('session_id', allSessionIds)),
    ])
    const buyerEmails = await matching('buyer_emails', [
      subject.email && ((q) => q.orWhereRaw('lower(to_email) = ?', [subject.email])),
      paymentIds.length > 0 && ((q) => q.orWhereIn('payment_id', paymentIds)),
    ])
    const postbackDeliveries = await matching('postback_deliveries', [
      paymentIds.length > 0 && ((q) => q.orWhereIn('payment_id', paymentIds)),
      visitorIds.length > 0 && ((q) => q.orWhereIn('visitor_id', visitorIds)),
      ...textMatches('request::text'),
    ])
    const webhookEvents = await matching('webhook_events', [
      paymentIds.length > 0 && ((q) => q.orWhereIn('payment_id', paymentIds)),
      ...textMatches('raw_body'),
    ])
    const cpfLookups = await matching('cpf_lookups', [
      subject.cpf && ((q) => q.orWhere('cpf_hash', cpfLookupHash(workspace.id, subject.cpf!))),
      allSessionIds.length > 0 && ((q) => q.orWhereIn('session_id', allSessionIds)),
    ])
    const reconciliationMismatches = await matching('reconciliation_mismatches', [
      paymentIds.length > 0 && ((q) => q.orWhereIn('payment_id', paymentIds)),
    ])

    return {
      payments,
      paymentTransitions,
      visitors,
      visitorEvents,
      checkoutSessions,
      consents,
      buyerEmails,
      postbackDeliveries,
      webhookEvents,
      cpfLookups,
      reconciliationMismatches,
    }
  }

  /** Counts per table and the postbacks already delivered to third parties. */
  static summary(records: SubjectRecords, endpointNames: Map<number, string> = new Map()) {
    return {
      counts: Object.fromEntries(
        Object.entries(records).map(([table, rows]) => [table, rows.length])
      ) as Record<keyof SubjectRecords, number>,
      sentPostbacks: sentPostbacks(records, endpointNames),
    }
  }
}

/**
 * Postbacks already delivered to third parties (UTMify, ad platforms, the agency's webhooks):
 * erasing here does not erase there, so the operator gets the list to ask them.
 */
export function sentPostbacks(records: SubjectRecords, endpointNames: Map<number, string>) {
  return records.postbackDeliveries
    .filter((row) => row.status === 'succeeded' || row.delivered_at)
    .map((row) => ({
      id: Number(row.id),
      target: row.target as string,
      endpointName: row.webhook_endpoint_id
        ? (endpointNames.get(row.webhook_endpoint_id) ?? null)
        : null,
      event: row.event as string,
      paymentId: row.payment_id as number | null,
      deliveredAt: row.delivered_at ? new Date(row.delivered_at).toISOString() : null,
    }))
}
