import type { Redis } from 'ioredis'
import queue from '#services/queue'

/**
 * The hand-off between the beacon endpoint and the database: a Redis stream. The request only
 * appends (one XADD, no SQL); a worker reads batches through a consumer group and acknowledges a
 * batch only after it is committed, so a worker that dies mid-batch leaves the entries pending
 * and the next flush claims them again. Inserts are idempotent on (workspace_id, event_id).
 */
export interface BufferedEvent {
  workspaceId: number
  sessionId: string
  eventId: string
  type: string
  funnelId: number | null
  stepId: number | null
  /** The A/B split-test variant the page showed (issue 16), when its step is under test. */
  variantId?: number | null
  occurredAt: string
  ip: string | null
  userAgent: string | null
  url: string | null
  referrer: string | null
  data: Record<string, unknown>
  /** Meta's first-party `_fbc` / `_fbp` cookies as the browser sent them, for server events. */
  fbc?: string | null
  fbp?: string | null
  /** TikTok's `_ttp` and GA4's `_ga` / `_ga_<container>` ids, for server events. */
  ttp?: string | null
  gaClientId?: string | null
  gaSessions?: Record<string, string>
}

const GROUP = 'flushers'

/** One stream entry as read: its event, or null when the entry is not a readable event. */
export interface BufferEntry {
  id: string
  raw: string | null
  event: BufferedEvent | null
}

/** An entry PostgreSQL refused (or that could not be read), set aside with its error. */
export interface DeadEvent {
  id: string
  at: string
  workspaceId: number | null
  error: string
  raw: string
}

/** Dead entries kept (oldest trimmed): enough to diagnose, bounded in Redis memory. */
const DEAD_MAX_LENGTH = 10_000

export class EventBuffer {
  constructor(private redis: Redis = queue.connection()) {}

  get key() {
    return `${queue.prefix}:visitor-events`
  }

  /** The dead-letter stream: entries the flush set aside so they never block the others. */
  get deadKey() {
    return `${this.key}:dead`
  }

  async append(events: BufferedEvent[]) {
    if (!events.length) return
    const pipeline = this.redis.pipeline()
    for (const event of events) pipeline.xadd(this.key, '*', 'e', JSON.stringify(event))
    /**
     * A pipeline resolves even when its commands failed (Redis away, command timeout): each
     * result carries its own error. The beacon answers 204 only if every event is in Redis.
     */
    const results = await pipeline.exec()
    const failed = results?.find(([error]) => error)
    if (failed) throw failed[0]
  }

  async #ensureGroup() {
    try {
      await this.redis.xgroup('CREATE', this.key, GROUP, '0', 'MKSTREAM')
    } catch (error) {
      if (!String(error).includes('BUSYGROUP')) throw error
    }
  }

  /**
   * Up to `count` entries for `consumer`: first entries another consumer left pending for more
   * than `claimIdleMs` (a crashed worker), then new ones.
   */
  async read(consumer: string, count: number, claimIdleMs = 30_000) {
    await this.#ensureGroup()
    const claimed = (await this.redis.xautoclaim(
      this.key,
      GROUP,
      consumer,
      claimIdleMs,
      '0-0',
      'COUNT',
      count
    )) as [string, Array<[string, string[]]>]
    let entries = claimed[1] ?? []
    if (entries.length < count) {
      const fresh = (await this.redis.xreadgroup(
        'GROUP',
        GROUP,
        consumer,
        'COUNT',
        count - entries.length,
        'STREAMS',
        this.key,
        '>'
      )) as Array<[string, Array<[string, string[]]>]> | null
      entries = entries.concat(fresh?.[0]?.[1] ?? [])
    }
    return entries.filter(([, fields]) => fields).map(([id, fields]) => readEntry(id, fields))
  }

  /**
   * Sets entries aside in the dead-letter stream (raw entry, error, time, workspace) and
   * acknowledges them in one round trip, so a batch never meets them again.
   */
  async bury(entries: BufferEntry[], error: string) {
    if (!entries.length) return
    const pipeline = this.redis.pipeline()
    for (const entry of entries) {
      pipeline.xadd(
        this.deadKey,
        'MAXLEN',
        '~',
        DEAD_MAX_LENGTH,
        '*',
        'id',
        entry.id,
        'at',
        new Date().toISOString(),
        'w',
        String(entry.event?.workspaceId ?? ''),
        'error',
        error.slice(0, 1000),
        'e',
        entry.raw ?? ''
      )
    }
    pipeline.xack(this.key, GROUP, ...entries.map((entry) => entry.id))
    pipeline.xdel(this.key, ...entries.map((entry) => entry.id))
    await pipeline.exec()
  }

  /** How many entries were set aside. */
  async deadCount() {
    return this.redis.xlen(this.deadKey)
  }

  /**
   * Newest dead entries first, `count` at most, before the stream id `before` (paging), only
   * those of `workspaceIds` when given.
   */
  async dead({
    count = 50,
    before,
    workspaceIds,
  }: { count?: number; before?: string; workspaceIds?: number[] } = {}) {
    const wanted = workspaceIds ? new Set(workspaceIds) : null
    const found: DeadEvent[] = []
    let end = before ? `(${before}` : '+'
    /** Scans in pages of 500 so a workspace filter still fills its page. */
    for (let page = 0; page < 20 && found.length < count; page++) {
      const rows = (await this.redis.xrevrange(this.deadKey, end, '-', 'COUNT', 500)) as Array<
        [string, string[]]
      >
      if (!rows.length) break
      for (const [id, fields] of rows) {
        const dead = deadEntry(id, fields)
        if (!wanted || (dead.workspaceId !== null && wanted.has(dead.workspaceId))) {
          found.push(dead)
          if (found.length >= count) break
        }
      }
      end = `(${rows[rows.length - 1][0]}`
    }
    return found
  }

  /** Acknowledges and removes entries once their batch is committed. */
  async ack(ids: string[]) {
    if (!ids.length) return
    await this.redis
      .pipeline()
      .xack(this.key, GROUP, ...ids)
      .xdel(this.key, ...ids)
      .exec()
  }

  /** Entries not yet acknowledged (waiting or pending). */
  async backlog() {
    return this.redis.xlen(this.key)
  }
}

/** A stream entry as written by `append`; a missing or unparsable payload is a null event. */
function readEntry(id: string, fields: string[]): BufferEntry {
  let raw: string | null = null
  for (let i = 0; i + 1 < fields.length; i += 2) if (fields[i] === 'e') raw = fields[i + 1]
  let event: BufferedEvent | null = null
  try {
    const parsed = raw === null ? null : JSON.parse(raw)
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) event = parsed
  } catch {}
  return { id, raw: raw ?? JSON.stringify(fields), event }
}

function deadEntry(id: string, fields: string[]): DeadEvent {
  const field = (name: string) => {
    for (let i = 0; i + 1 < fields.length; i += 2) if (fields[i] === name) return fields[i + 1]
    return ''
  }
  const workspaceId = Number(field('w'))
  return {
    id,
    at: field('at'),
    workspaceId: Number.isInteger(workspaceId) && workspaceId > 0 ? workspaceId : null,
    error: field('error'),
    raw: field('e'),
  }
}
