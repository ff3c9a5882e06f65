import db from '@adonisjs/lucid/services/db'
import redis from '@adonisjs/redis/services/main'
import logger from '@adonisjs/core/services/logger'
import type Workspace from '#models/workspace'
import { workspaceTable } from '#services/tenancy'
import FindDataSubject, {
  cpfLookupHash,
  sentPostbacks,
  type SubjectRecords,
} from '#actions/lgpd/find_data_subject'
import {
  REMOVED,
  scrubJson,
  scrubMaybeJson,
  scrubText,
  subjectPatterns,
  type DataSubject,
} from '#actions/lgpd/data_subject'

/** The buyer e-mail rows keep a syntactically valid address (NOT NULL) that reaches no one. */
const ERASED_EMAIL = 'titular-removido@anonimizado.invalid'

/** The name a kept payment shows once its buyer is anonymised. */
export const ANONYMISED_NAME = 'Titular anonimizado (LGPD)'

const json = (value: unknown) => JSON.stringify(value)

/**
 * Erases a data subject from a workspace (LGPD art. 18, VI), in one transaction:
 * - payments stay (accounting: amounts, statuses, dates, items, gateway ids) with the buyer's
 *   data replaced, and the gateway's answer, transitions and reconciliation notes scrubbed;
 * - visitors stay as anonymous visits (UTMs, funnel, dates for the dashboards) without their
 *   form data, IP, user agent and ad click ids; their events lose the personal fields;
 * - checkout sessions, consents and buyer e-mails lose name, e-mail, phone and IP;
 * - gateway webhook bodies and postback payloads are scrubbed of every identifier;
 * - CPF lookups of the subject are deleted, with their cached answer in Redis.
 * Returns what was found and the postbacks already delivered to third parties (UTMify, ad
 * platforms, webhooks), which this erasure cannot reach: the operator asks them.
 */
export default class EraseDataSubject {
  static async handle({ workspace, subject }: { workspace: Workspace; subject: DataSubject }) {
    const outcome = await db.transaction(async (trx) => {
      const records = await FindDataSubject.handle({ workspace, subject, client: trx })
      const names = collectNames(records)
      const patterns = subjectPatterns(subject, names)
      const scrub = (value: unknown) => json(scrubJson(value ?? {}, patterns))
      const text = (value: string | null) => (value === null ? null : scrubText(value, patterns))
      const table = (name: string) => workspaceTable(workspace, name, trx)
      const endpoints = await table('webhook_endpoints').select('id', 'name')
      const sent = sentPostbacks(
        records,
        new Map(endpoints.map((row) => [row.id as number, row.name as string]))
      )
      const erasedAt = new Date().toISOString()

      for (const row of records.payments) {
        await table('payments')
          .where('id', row.id)
          .update({
            customer_data: json({ name: ANONYMISED_NAME, anonymizedAt: erasedAt }),
            gateway_response: scrub(row.gateway_response),
            attribution: scrub(stripTracking(row.attribution)),
            updated_at: new Date(),
          })
      }
      for (const row of records.paymentTransitions) {
        await table('payment_transitions')
          .where('id', row.id)
          .update({ details: scrub(row.details) })
      }
      for (const row of records.reconciliationMismatches) {
        await table('reconciliation_mismatches')
          .where('id', row.id)
          .update({ details: scrub(row.details) })
      }
      for (const row of records.visitors) {
        await table('visitors')
          .where('id', row.id)
          .update({
            lead: '{}',
            ip_address: null,
            user_agent: null,
            fbclid: null,
            gclid: null,
            ttclid: null,
            fbp: null,
            fbc: null,
            ttp: null,
            ga_client_id: null,
            ga_sessions: '{}',
            landing_url: text(row.landing_url),
            referrer: text(row.referrer),
          })
      }
      /** Events: only those carrying data (form submits, checkout fields) need rewriting. */
      for (const row of records.visitorEvents) {
        const scrubbed = scrub(row.event_data)
        if (scrubbed !== json(row.event_data ?? {})) {
          await table('visitor_events').where('id', row.id).update({ event_data: scrubbed })
        }
      }
      await eraseEventsBeyondExportLimit(table, records, scrub)
      for (const row of records.checkoutSessions) {
        await table('checkout_sessions')
          .where('id', row.id)
          .update({
            name: null,
            email: null,
            phone: null,
            consent: row.consent === null ? null : scrub(row.consent),
            updated_at: new Date(),
          })
      }
      for (const row of records.consents) {
        await table('consents')
          .where('id', row.id)
          .update({ email: null, ip_address: null, terms: scrub(row.terms) })
      }
      for (const row of records.buyerEmails) {
        await table('buyer_emails')
          .where('id', row.id)
          .update({
            to_email: ERASED_EMAIL,
            subject: text(row.subject),
            last_error: text(row.last_error),
            updated_at: new Date(),
          })
      }
      for (const row of records.postbackDeliveries) {
        await table('postback_deliveries')
          .where('id', row.id)
          .update({
            request: scrub(row.request),
            response_excerpt: text(row.response_excerpt),
            last_error: text(row.last_error),
          })
      }
      for (const row of records.webhookEvents) {
        await table('webhook_events')
          .where('id', row.id)
          .update({
            raw_body: scrubMaybeJson(row.raw_body, patterns) ?? '',
            headers: scrub(row.headers),
            error: text(row.error),
          })
      }
      if (records.cpfLookups.length) {
        await table('cpf_lookups')
          .whereIn(
            'id',
            records.cpfLookups.map((row) => row.id)
          )
          .delete()
      }
      return { records, sent }
    })

    /** The CPF lookup's cached answer (name, birth date) would otherwise live a day more. */
    if (subject.cpf) {
      await redis
        .del(`funil:cpf:${workspace.id}:${cpfLookupHash(workspace.id, subject.cpf)}`)
        .catch((error) => logger.warn({ err: error }, 'LGPD: CPF cache not cleared'))
    }
    return {
      counts: FindDataSubject.summary(outcome.records).counts,
      sentPostbacks: outcome.sent,
    }
  }
}

/** Names on the subject's records: removed wherever else they appear as text. */
function collectNames(records: SubjectRecords) {
  return [
    ...records.payments.map((row) => row.customer_data?.name),
    ...records.visitors.map((row) => row.lead?.name),
    ...records.checkoutSessions.map((row) => row.name),
  ].filter((name): name is string => typeof name === 'string')
}

/** The attribution keeps the campaign (UTMs) and loses the browser's identifiers. */
function stripTracking(attribution: Record<string, unknown> | null) {
  const out: Record<string, unknown> = { ...attribution }
  for (const key of ['fbclid', 'gclid', 'ttclid', 'fbp', 'fbc', 'ttp', 'ga_client_id', 'ip']) {
    if (key in out) out[key] = REMOVED
  }
  return out
}

/**
 * The find reads at most the newest 10,000 events of the subject's visitors (the export's
 * limit); older form submits of the same visitors are scrubbed here in one statement.
 */
async function eraseEventsBeyondExportLimit(
  table: (name: string) => any,
  records: SubjectRecords,
  _scrub: (value: unknown) => string
) {
  if (records.visitorEvents.length < 10_000 || !records.visitors.length) return
  const oldest = records.visitorEvents[records.visitorEvents.length - 1].created_at
  await table('visitor_events')
    .whereIn(
      'visitor_id',
      records.visitors.map((row) => row.id)
    )
    .where('created_at', '<', oldest)
    .whereRaw(`event_data <> '{}'::jsonb`)
    .update({ event_data: db.raw(`event_data - 'lead' - 'customer' - 'fields'`) })
}
