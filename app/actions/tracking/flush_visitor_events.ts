import db from '@adonisjs/lucid/services/db'
import { EventBuffer, type BufferedEvent, type BufferEntry } from '#services/event_buffer'
import { broadcastToWorkspace } from '#services/realtime'
import { metaClickIds } from '#integrations/meta_capi/click_ids'
import { CONVERSION_EVENT_TYPES } from '#actions/postbacks/plan_visitor_conversions'
import queue from '#services/queue'
import SweepOfflineVisitors from '#actions/tracking/sweep_offline_visitors'
import logger from '@adonisjs/core/services/logger'
import {
  boundedId,
  cleanJson,
  DATA_MAX_DEPTH,
  depthOf,
  ipOrNull,
  textOrNull,
  URL_MAX_LENGTH,
} from '#services/public_input'
import { ATTRIBUTION_PARAMS, landingParams } from '#services/attribution'

/** Advisory-lock class of the event insert (the second key is the workspace id). */
const EVENT_LOCK_CLASS = 7_101

/** How far apart in time two beacons of one event id are still recognised as one. */
const DUPLICATE_WINDOW_MS = 86_400_000

/** Events that only prove presence: they move `last_activity`, they are not stored. */
const PRESENCE_ONLY = new Set(['heartbeat'])

interface VisitorRow {
  workspace_id: number
  session_id: string
  ip_address: string | null
  user_agent: string | null
  funnel_id: number | null
  current_step_id: number | null
  landing_url: string | null
  referrer: string | null
  first_visit: string
  last_activity: string
  fbc: string | null
  fbp: string | null
  ttp: string | null
  ga_client_id: string | null
  ga_sessions: Record<string, string>
  /** What capture forms of this batch told about the visitor, later forms winning. */
  lead: Record<string, string>
  [param: string]: string | number | null | Record<string, string>
}

/** One row per visitor of the batch: attribution from its first event, state from its last. */
function visitorRows(events: BufferedEvent[]) {
  const bySession = new Map<string, BufferedEvent[]>()
  for (const event of events) {
    const key = `${event.workspaceId}:${event.sessionId}`
    bySession.set(key, [...(bySession.get(key) ?? []), event])
  }
  return [...bySession.values()].map((list): VisitorRow => {
    list.sort((a, b) => a.occurredAt.localeCompare(b.occurredAt))
    const first = list[0]
    const last = list[list.length - 1]
    const lastWithStep = [...list].reverse().find((e) => e.stepId !== null) ?? last
    const withCookies = [...list].reverse().find((e) => e.fbc || e.fbp)
    const latest = <K extends keyof BufferedEvent>(key: K) =>
      [...list].reverse().find((e) => e[key])?.[key] ?? null
    const clickIds = metaClickIds({
      url: list.find((e) => e.url?.includes('fbclid='))?.url ?? first.url,
      referrer: first.referrer,
      fbc: withCookies?.fbc,
      fbp: withCookies?.fbp,
    })
    return {
      workspace_id: first.workspaceId,
      session_id: first.sessionId,
      ip_address: first.ip,
      user_agent: first.userAgent,
      funnel_id: lastWithStep.funnelId,
      current_step_id: lastWithStep.stepId,
      landing_url: first.url,
      referrer: first.referrer,
      first_visit: first.occurredAt,
      last_activity: last.occurredAt,
      fbc: clickIds.fbc,
      fbp: clickIds.fbp,
      ttp: latest('ttp') as string | null,
      ga_client_id: latest('gaClientId') as string | null,
      ga_sessions: Object.assign({}, ...list.map((e) => e.gaSessions ?? {})),
      lead: Object.assign({}, ...list.map((e) => leadOf(e.data?.lead))),
      ...landingParams(first.url),
    }
  })
}

/**
 * Drains buffered beacon events into PostgreSQL: one upsert of the batch's visitors (first-touch
 * attribution is written once and never overwritten), one insert of its events (idempotent on
 * event_id), then the live monitors hear `visitor_online` / `visitor_step_change`. Funnel and
 * step ids that do not belong to the workspace are dropped, never trusted.
 */
export default class FlushVisitorEvents {
  static async handle({
    consumer = `flusher-${process.pid}`,
    batchSize = 2000,
    maxBatches = 50,
    claimIdleMs = 30_000,
    buffer = new EventBuffer(),
  } = {}) {
    let flushed = 0
    let dead = 0
    for (let batch = 0; batch < maxBatches; batch++) {
      const entries = await buffer.read(consumer, batchSize, claimIdleMs)
      if (!entries.length) break
      /** An entry that is not an event at all cannot be written by any split: aside at once. */
      const unreadable = entries.filter((entry) => !entry.event || !isEventShaped(entry.event))
      if (unreadable.length) {
        await buffer.bury(unreadable, 'unreadable entry: not a buffered event')
        logger.warn({ entries: unreadable.length }, 'beacon flush: unreadable entries set aside')
      }
      const readable = entries
        .filter((entry) => !unreadable.includes(entry))
        .map((entry) => ({ ...entry, event: storable(entry.event!) }))
      const result = await this.#writeOrSplit(readable, buffer)
      flushed += result.written
      dead += result.dead + unreadable.length
      if (entries.length < batchSize) break
    }
    return { flushed, dead }
  }

  /**
   * Writes entries in one transaction and acknowledges them. When PostgreSQL refuses the batch
   * for what is in it (a data or constraint error), no single bad event may hold up the rest:
   * the batch is split in halves and each half tried again (bisection), so the good events are
   * written and each bad entry ends alone and goes to the dead-letter stream with its error
   * (`…:visitor-events:dead`, shown on /health/ready and the "Eventos rejeitados" page). k bad
   * entries in 2,000 cost about 2·k·11 small transactions, once. An outage (connection lost,
   * pool timeout) is not the entries' fault: it is rethrown and the batch stays pending.
   */
  static async #writeOrSplit(
    entries: BufferEntry[],
    buffer: EventBuffer
  ): Promise<{ written: number; dead: number }> {
    if (!entries.length) return { written: 0, dead: 0 }
    try {
      await this.#write(entries.map((entry) => entry.event!))
    } catch (error) {
      if (!isPoison(error)) throw error
      if (entries.length === 1) {
        await buffer.bury(entries, describeError(error))
        logger.warn(
          { err: error, entry: entries[0].id, workspaceId: entries[0].event?.workspaceId },
          'beacon flush: an event PostgreSQL refuses was set aside'
        )
        return { written: 0, dead: 1 }
      }
      const half = Math.ceil(entries.length / 2)
      const first = await this.#writeOrSplit(entries.slice(0, half), buffer)
      const second = await this.#writeOrSplit(entries.slice(half), buffer)
      return { written: first.written + second.written, dead: first.dead + second.dead }
    }
    await buffer.ack(entries.map((entry) => entry.id))
    return { written: entries.length, dead: 0 }
  }

  static async #write(events: BufferedEvent[]) {
    const visitors = visitorRows(events)
    const stored = events.filter((event) => !PRESENCE_ONLY.has(event.type))

    const { before, after } = await db.transaction(async (trx) => {
      const keys = JSON.stringify(visitors.map((v) => ({ w: v.workspace_id, s: v.session_id })))
      const previous = await trx.rawQuery(
        `SELECT v.workspace_id, v.session_id, v.is_online, v.current_step_id
           FROM visitors v
           JOIN jsonb_to_recordset(?::jsonb) AS k(w int, s text)
             ON v.workspace_id = k.w AND v.session_id = k.s
          ORDER BY v.id
          FOR UPDATE OF v`,
        [keys]
      )

      const upserted = await trx.rawQuery(
        `INSERT INTO visitors (workspace_id, session_id, ip_address, user_agent, funnel_id,
            current_step_id, landing_url, referrer, first_visit, last_activity, is_online, lead, fbc, fbp,
            ttp, ga_client_id, ga_sessions, ${ATTRIBUTION_PARAMS.join(', ')})
         SELECT x.workspace_id, x.session_id, x.ip_address::inet, x.user_agent, f.id, s.id,
                x.landing_url, x.referrer, x.first_visit, x.last_activity, true,
                COALESCE(x.lead, '{}'), x.fbc, x.fbp, x.ttp, x.ga_client_id,
                COALESCE(x.ga_sessions, '{}'), ${ATTRIBUTION_PARAMS.map((p) => `x.${p}`).join(', ')}
           FROM jsonb_to_recordset(?::jsonb) AS x(
                  workspace_id int, session_id text, ip_address text, user_agent text,
                  funnel_id int, current_step_id int, landing_url text, referrer text,
                  first_visit timestamptz, last_activity timestamptz, lead jsonb, fbc text, fbp text,
                  ttp text, ga_client_id text, ga_sessions jsonb,
                  ${ATTRIBUTION_PARAMS.map((p) => `${p} text`).join(', ')})
           JOIN workspaces w ON w.id = x.workspace_id
           LEFT JOIN funnels f ON f.workspace_id = x.workspace_id AND f.id = x.funnel_id
           LEFT JOIN funnel_steps s ON s.workspace_id = x.workspace_id AND s.funnel_id = f.id
                                   AND s.id = x.current_step_id
         ON CONFLICT (workspace_id, session_id) DO UPDATE SET
           last_activity = GREATEST(visitors.last_activity, EXCLUDED.last_activity),
           is_online = true,
           lead = visitors.lead || EXCLUDED.lead,
           fbc = CASE
             WHEN EXCLUDED.fbc IS NULL THEN visitors.fbc
             WHEN visitors.fbc IS NULL THEN EXCLUDED.fbc
             -- the same click keeps its first timestamp; a new click replaces it (Meta's rule)
             WHEN split_part(visitors.fbc, '.', 4) = split_part(EXCLUDED.fbc, '.', 4) THEN visitors.fbc
             ELSE EXCLUDED.fbc END,
           fbp = COALESCE(EXCLUDED.fbp, visitors.fbp),
           ttp = COALESCE(EXCLUDED.ttp, visitors.ttp),
           ga_client_id = COALESCE(EXCLUDED.ga_client_id, visitors.ga_client_id),
           ga_sessions = visitors.ga_sessions || EXCLUDED.ga_sessions,
           funnel_id = COALESCE(EXCLUDED.funnel_id, visitors.funnel_id),
           current_step_id = CASE
             WHEN EXCLUDED.last_activity >= visitors.last_activity AND EXCLUDED.current_step_id IS NOT NULL
             THEN EXCLUDED.current_step_id ELSE visitors.current_step_id END
         RETURNING id, public_id, workspace_id, session_id, funnel_id, current_step_id, utm_source`,
        [JSON.stringify(visitors)]
      )

      /**
       * The upsert returned every visitor of the batch with its id: events carry it, so the
       * insert does not join `visitors` again. That join's plan depended on table statistics
       * (a freshly filled table made it a nested seq scan: seconds per batch).
       */
      const visitorIds = new Map<string, number>(
        upserted.rows.map((row: any) => [`${row.workspace_id}:${row.session_id}`, row.id])
      )
      /** The same event id twice in one batch (a beacon sent twice) is stored once. */
      const seenEvents = new Set<string>()
      const rows = stored.flatMap((e) => {
        const visitorId = visitorIds.get(`${e.workspaceId}:${e.sessionId}`)
        if (!visitorId) return []
        const eventKey = `${e.workspaceId}:${e.eventId}`
        if (seenEvents.has(eventKey)) return []
        seenEvents.add(eventKey)
        return [
          {
            workspace_id: e.workspaceId,
            visitor_id: visitorId,
            event_id: e.eventId,
            type: e.type,
            funnel_id: e.funnelId,
            step_id: e.stepId,
            split_variant_id: e.variantId ?? null,
            occurred_at: e.occurredAt,
            data: { ...e.data, ...(e.url ? { url: e.url } : {}) },
          },
        ]
      })
      if (rows.length) {
        /**
         * Flushers of other workers may hold the same event id (a beacon sent twice) in their
         * batch: one lock per workspace, taken in order, makes the lookup below see theirs.
         */
        await trx.rawQuery(
          `SELECT pg_advisory_xact_lock(${EVENT_LOCK_CLASS}, w)
             FROM unnest(?::int[]) AS w ORDER BY w`,
          [[...new Set(rows.map((row) => row.workspace_id))]]
        )
        /**
         * visitor_events is partitioned by month and its unique key holds created_at, so the
         * insert's ON CONFLICT only catches a replay of the same buffered entry. An event id
         * already stored around this time is a second beacon of the same event: looked up for
         * the whole batch at once (the time bounds are constants, so only the month tables
         * they touch are read), and left out.
         */
        const times = rows.map((row) => Date.parse(row.occurred_at)).sort((a, b) => a - b)
        const already = await trx.rawQuery(
          `SELECT workspace_id, event_id FROM visitor_events
            WHERE workspace_id = ANY(?::int[]) AND event_id = ANY(?::uuid[])
              AND created_at >= ? AND created_at <= ?`,
          [
            [...new Set(rows.map((row) => row.workspace_id))],
            rows.map((row) => row.event_id),
            new Date(times[0] - DUPLICATE_WINDOW_MS),
            new Date(times[times.length - 1] + DUPLICATE_WINDOW_MS),
          ]
        )
        const known = new Set(
          already.rows.map(
            (row: { workspace_id: number; event_id: string }) =>
              `${row.workspace_id}:${row.event_id}`
          )
        )
        const fresh = rows.filter((row) => !known.has(`${row.workspace_id}:${row.event_id}`))
        await trx.rawQuery(
          `INSERT INTO visitor_events (workspace_id, visitor_id, funnel_id, step_id, event_type,
              event_id, event_data, created_at, split_variant_id)
           SELECT x.workspace_id, x.visitor_id, f.id, s.id, x.type, x.event_id,
                  COALESCE(x.data, '{}'), x.occurred_at, sv.id
             FROM jsonb_to_recordset(?::jsonb) AS x(
                    workspace_id int, visitor_id int, event_id uuid, type text,
                    funnel_id int, step_id int, occurred_at timestamptz, data jsonb,
                    split_variant_id int)
             LEFT JOIN funnels f ON f.workspace_id = x.workspace_id AND f.id = x.funnel_id
             LEFT JOIN funnel_steps s ON s.workspace_id = x.workspace_id AND s.funnel_id = f.id
                                     AND s.id = x.step_id
             -- an A/B variant is kept only when it is one of a test of this very step
             LEFT JOIN split_test_variants sv ON sv.workspace_id = x.workspace_id
                                     AND sv.id = x.split_variant_id
                                     AND EXISTS (SELECT 1 FROM split_tests st
                                                  WHERE st.workspace_id = sv.workspace_id
                                                    AND st.id = sv.split_test_id AND st.step_id = s.id)
           ON CONFLICT (workspace_id, event_id, created_at) DO NOTHING`,
          [JSON.stringify(fresh)]
        )
      }
      return { before: previous.rows, after: upserted.rows }
    })

    await this.#linkPayments(after)
    await this.#announceConversions(stored)
    /** A `leave` as a visitor's latest event: the offline sweep takes it within seconds. */
    await SweepOfflineVisitors.noteLeaves(events)

    const previousByKey = new Map<string, { is_online: boolean; current_step_id: number | null }>(
      before.map((row: any) => [`${row.workspace_id}:${row.session_id}`, row])
    )
    /** The A/B variant of each visitor's latest event of the batch: the monitor shows it. */
    const latestVariant = new Map(
      [...events]
        .sort((a, b) => a.occurredAt.localeCompare(b.occurredAt))
        .map((e) => [`${e.workspaceId}:${e.sessionId}`, e])
    )
    for (const row of after) {
      const old = previousByKey.get(`${row.workspace_id}:${row.session_id}`)
      const latest = latestVariant.get(`${row.workspace_id}:${row.session_id}`)
      const payload = {
        visitorId: row.public_id,
        funnelId: row.funnel_id,
        stepId: row.current_step_id,
        source: row.utm_source,
        variantId: latest?.stepId === row.current_step_id ? (latest?.variantId ?? null) : null,
      }
      if (!old || !old.is_online) {
        broadcastToWorkspace(row.workspace_id, 'visitor_online', payload, row.funnel_id)
      } else if (old.current_step_id !== row.current_step_id) {
        broadcastToWorkspace(
          row.workspace_id,
          'visitor_step_change',
          { ...payload, previousStepId: old.current_step_id },
          row.funnel_id
        )
      }
    }
  }

  /**
   * Payments made before their visitor was written (a checkout right after the landing, or
   * while this worker lagged) carry the visitor's session id: once the visitor row exists they
   * point at it. Only unlinked payments match (`visitor_id IS NULL`, the partial index), so a
   * replayed batch changes nothing. Their postbacks never waited for this: each payment keeps
   * its own copy of the attribution, taken at checkout.
   *
   * After the visitors' commit, never inside it: the checkout links its payment itself after
   * committing it (StartCheckoutPayment), so whichever of the two commits last sees the other's
   * row. Inside the transaction, a payment committed between this UPDATE and the visitors'
   * commit would be missed by both.
   */
  static async #linkPayments(
    visitors: Array<{ id: number; workspace_id: number; session_id: string }>
  ) {
    if (!visitors.length) return
    await db.rawQuery(
      `UPDATE payments p SET visitor_id = v.id, updated_at = now()
         FROM jsonb_to_recordset(?::jsonb) AS v(id int, workspace_id int, session_id text)
        WHERE p.workspace_id = v.workspace_id
          AND p.visitor_session_id = v.session_id
          AND p.visitor_id IS NULL`,
      [
        JSON.stringify(
          visitors.map((v) => ({
            id: v.id,
            workspace_id: v.workspace_id,
            session_id: v.session_id,
          }))
        ),
      ]
    )
  }

  /**
   * Capture forms and checkout views of the batch, once committed, go to the postbacks queue
   * (server-side Lead / InitiateCheckout, `lead.created`) — only for workspaces that send them
   * anywhere (one query). This runs before the stream entries are acknowledged, so a crash here
   * replays the batch; the job id is derived from the events, so a replay enqueues nothing new.
   */
  static async #announceConversions(stored: BufferedEvent[]) {
    const conversions = stored.filter((event) => event.type in CONVERSION_EVENT_TYPES)
    if (!conversions.length) return
    const workspaceIds = [...new Set(conversions.map((event) => event.workspaceId))]
    const { rows } = await db.rawQuery<{ rows: Array<{ workspace_id: number }> }>(
      `SELECT DISTINCT workspace_id FROM credentials
        WHERE workspace_id = ANY(?::int[]) AND is_active
          AND service IN ('meta_capi', 'tiktok_events', 'ga4')
       UNION
       SELECT DISTINCT workspace_id FROM webhook_endpoints
        WHERE workspace_id = ANY(?::int[]) AND is_active AND events @> '["lead.created"]'`,
      [workspaceIds, workspaceIds]
    )
    for (const { workspace_id: workspaceId } of rows) {
      const eventIds = conversions
        .filter((event) => event.workspaceId === workspaceId)
        .map((event) => event.eventId)
        .sort()
      /** Its job id is a digest of the events (app/queues/jobs.ts): a replay is a no-op. */
      await queue.dispatch('plan_visitor_conversions', { workspaceId, eventIds })
    }
  }
}

/** The fields every buffered event has, with the types the SQL casts need. */
function isEventShaped(event: BufferedEvent) {
  return (
    Number.isInteger(event.workspaceId) &&
    typeof event.sessionId === 'string' &&
    typeof event.eventId === 'string' &&
    typeof event.type === 'string' &&
    typeof event.occurredAt === 'string'
  )
}

/**
 * The beacon endpoint validates (#services/public_input); entries buffered before that, or by
 * an older release, get the same treatment here: NUL and lone surrogates out, ids within int4,
 * IPs parsed or null, data bounded. What still fails is set aside by `#writeOrSplit`.
 */
function storable(event: BufferedEvent): BufferedEvent {
  const data = event.data && typeof event.data === 'object' ? event.data : {}
  return {
    ...event,
    funnelId: boundedId(event.funnelId),
    stepId: boundedId(event.stepId),
    variantId: boundedId(event.variantId),
    ip: ipOrNull(event.ip),
    userAgent: textOrNull(event.userAgent, 500),
    url: textOrNull(event.url, URL_MAX_LENGTH),
    referrer: textOrNull(event.referrer, URL_MAX_LENGTH),
    data: depthOf(data, DATA_MAX_DEPTH + 1) > DATA_MAX_DEPTH + 1 ? {} : cleanJson(data),
    fbc: textOrNull(event.fbc, 500),
    fbp: textOrNull(event.fbp, 255),
  }
}

/**
 * PostgreSQL refusing the rows themselves (data exceptions 22…, constraint violations 23…,
 * limits such as nesting 54…) or a malformed event breaking the row building (TypeError):
 * the batch's content is at fault. Connection and timeout errors are not.
 */
function isPoison(error: unknown) {
  const code = (error as { code?: unknown })?.code
  if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return /^(22|23|54)/.test(code)
  return error instanceof TypeError || error instanceof RangeError
}

function describeError(error: unknown) {
  const { code, message } = (error ?? {}) as { code?: string; message?: string }
  /** knex prefixes the whole SQL to the message: only PostgreSQL's own words are kept. */
  const text = String(message ?? error)
    .split(' - ')
    .pop()!
  return code ? `${code}: ${text}` : text
}

/** Fields a capture form tells about a visitor; anything else in `lead` is not ours. */
const LEAD_FIELDS = ['name', 'email', 'phone'] as const

/**
 * A capture form's lead as the visitor row keeps it: short strings of the known fields only, so
 * a malformed entry can never give the conversions job a number or an object to trim.
 */
function leadOf(value: unknown) {
  const lead: Record<string, string> = {}
  if (!value || typeof value !== 'object') return lead
  for (const field of LEAD_FIELDS) {
    const text = textOrNull((value as Record<string, unknown>)[field], 255)
    if (text) lead[field] = text
  }
  return lead
}
