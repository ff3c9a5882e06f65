import { createHash } from 'node:crypto'
import db from '@adonisjs/lucid/services/db'
import logger from '@adonisjs/core/services/logger'
import type { PaymentGateway } from '#enums/payments'
import queue from '#services/queue'
import { cleanText } from '#services/public_input'
import { workspaceTable } from '#services/tenancy'

/** What a postback says, whichever shape it came in. */
export interface PostbackFacts {
  transactionId: string
  status: string
  externalRef: string | null
}

/** Headers worth keeping with a delivery (never cookies or credentials). */
const KEPT_HEADERS = /^(content-type|content-length|user-agent|x-[a-z0-9-]+)$/i
const SECRET_HEADERS = /token|secret|signature|auth|key/i

/**
 * The webhook inbox. A delivery is stored raw, once per fact — `event_key` is
 * `${transactionId}:${status}`, and `INSERT … ON CONFLICT DO NOTHING` collapses redeliveries
 * and concurrent duplicates onto one row — and only a newly stored row enqueues its processing
 * job. Nothing here trusts the payload: the worker re-reads the transaction from the gateway.
 */
export default class ReceiveWebhook {
  /**
   * Accepts SkalePay's envelope (`{ id, type: "transaction", objectId, data: {…} }`) and the
   * flat transaction (`{ id, status, externalRef, … }`); anything else is null.
   */
  static parse(body: unknown): PostbackFacts | null {
    if (!body || typeof body !== 'object' || Array.isArray(body)) return null
    const record = body as Record<string, any>
    const envelope = record.data && typeof record.data === 'object' && !Array.isArray(record.data)
    const transaction: Record<string, any> = envelope ? record.data : record
    const id = transaction.id ?? (envelope ? record.objectId : undefined)
    const status = transaction.status
    if ((typeof id !== 'string' && typeof id !== 'number') || String(id).length === 0) return null
    if (typeof status !== 'string' || !/^[a-z_]{2,40}$/i.test(status)) return null
    const ref = transaction.externalRef ?? transaction.external_ref ?? null
    /** NUL and lone surrogates never reach the inbox's text columns (#services/public_input). */
    const transactionId = cleanText(String(id), 200)
    if (!transactionId) return null
    return {
      transactionId,
      status: status.toLowerCase(),
      externalRef: typeof ref === 'string' ? cleanText(ref, 255) : null,
    }
  }

  /** Which gateway a postback comes from: sandbox transactions are `sbx_…`. */
  static gatewayOf(facts: PostbackFacts | null): PaymentGateway {
    return facts?.transactionId.startsWith('sbx_') ? 'sandbox' : 'skalepay'
  }

  static keptHeaders(headers: Record<string, string | string[] | undefined>) {
    return Object.fromEntries(
      Object.entries(headers)
        .filter(([name]) => KEPT_HEADERS.test(name) && !SECRET_HEADERS.test(name))
        .map(([name, value]) => [name.toLowerCase(), String(value).slice(0, 500)])
    )
  }

  static async handle(params: {
    workspaceId: number
    rawBody: string
    headers: Record<string, string | string[] | undefined>
    body?: unknown
    gateway?: PaymentGateway
  }): Promise<{ id: number; stored: boolean; recognised: boolean }> {
    let body = params.body
    if (body === undefined) {
      try {
        body = JSON.parse(params.rawBody)
      } catch {
        body = null
      }
    }
    const facts = this.parse(body)
    const gateway = params.gateway ?? this.gatewayOf(facts)
    const eventKey = facts
      ? `${facts.transactionId}:${facts.status}`
      : `unrecognised:${createHash('sha256').update(params.rawBody).digest('hex')}`

    const inserted = await db.rawQuery(
      `INSERT INTO webhook_events (workspace_id, gateway, event_key, external_id, raw_body, headers, error)
       VALUES (?, ?, ?, ?, ?, ?::jsonb, ?)
       ON CONFLICT (workspace_id, gateway, event_key) DO NOTHING
       RETURNING id`,
      [
        params.workspaceId,
        gateway,
        eventKey.slice(0, 255),
        facts?.transactionId ?? null,
        /** Whole: the body parser's JSON limit (config/bodyparser.ts) is the only bound. */
        params.rawBody,
        JSON.stringify(this.keptHeaders(params.headers)),
        facts ? null : 'unrecognised payload: no transaction id or status',
      ]
    )
    const row = inserted.rows[0] as { id: number | string } | undefined
    if (!row) {
      const existing = await workspaceTable(params.workspaceId, 'webhook_events')
        .where({ gateway, event_key: eventKey.slice(0, 255) })
        .select('id')
        .first()
      return { id: Number(existing?.id ?? 0), stored: false, recognised: facts !== null }
    }

    const id = Number(row.id)
    if (facts) {
      try {
        await this.enqueue(params.workspaceId, id)
      } catch (error) {
        /** Stored but not enqueued: the payment's own polling still converges, and a retry re-enqueues. */
        logger.error({ err: error, webhookEventId: id }, 'could not enqueue webhook processing')
      }
    }
    return { id, stored: true, recognised: facts !== null }
  }

  /**
   * The processing job of an inbox row: retried with exponential backoff, one job per row (the
   * inbox sweep re-queues a forgotten row under a new id).
   */
  static enqueue(workspaceId: number, webhookEventId: number, requeue?: number) {
    return queue.dispatch('process_webhook', { workspaceId, webhookEventId, requeue })
  }
}
