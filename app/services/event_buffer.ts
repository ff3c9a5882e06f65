import type { Redis } from 'ioredis'
import queue from '#services/queue'

/**
 * The hand-off between the beacon endpoint and the database: a Redis stream. The request only
 * appends (one XADD, no SQL); a worker reads batches through a consumer group and acknowledges a
 * batch only after it is committed, so a worker that dies mid-batch leaves the entries pending
 * and the next flush claims them again. Inserts are idempotent on (workspace_id, event_id).
 *
 * One stream entry per request (issue 19): a beacon's batch is one XADD (`b`: the JSON array of
 * its events), a single event keeps the older form (`e`). Reading expands an entry into one
 * BufferEntry per event, all with the entry's stream id; the entry is acknowledged (and deleted)
 * only once every one of its events was written or set aside, so a flush that dies half-way
 * through a batch leaves the entry pending and the replay stores nothing twice.
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

/** Events per stream entry at most: a beacon's cap (BEACON_MAX_EVENTS in validators/beacon.ts). */
const BATCH_MAX_EVENTS = 20

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

  /**
   * Events read and not yet resolved, per stream id: an entry is acknowledged when its count
   * reaches zero. Per instance, as a flush reads and acknowledges through one instance.
   */
  #unresolved = new Map<string, number>()

  /**
   * Events per entry seen so far: how many entries to ask for to get about `count` events
   * (starting from the largest entry, so a first read never overshoots).
   */
  #eventsPerEntry = BATCH_MAX_EVENTS

  /**
   * One XADD for a request's events (a beacon carries at most BATCH_MAX_EVENTS); a longer list
   * (imports, tests) becomes entries of that size in one pipeline, so a batch the flush reads
   * stays about the size it asked for. Rejects if Redis did not take them: no 204 then.
   */
  async append(events: BufferedEvent[]) {
    if (!events.length) return
    if (events.length === 1) {
      await this.redis.xadd(this.key, '*', 'e', JSON.stringify(events[0]))
      return
    }
    if (events.length <= BATCH_MAX_EVENTS) {
      await this.redis.xadd(this.key, '*', 'b', JSON.stringify(events))
      return
    }
    const pipeline = this.redis.pipeline()
    for (let start = 0; start < events.length; start += BATCH_MAX_EVENTS) {
      pipeline.xadd(
        this.key,
        '*',
        'b',
        JSON.stringify(events.slice(start, start + BATCH_MAX_EVENTS))
      )
    }
    /** A pipeline resolves even when its commands failed: each result carries its own error. */
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
    const events: BufferEntry[] = []
    /** Entries to ask for: about `count` events at the sizes seen so far (a batch is ≤ 20). */
    const wanted = () => Math.max(1, Math.ceil((count - events.length) / this.#eventsPerEntry))
    const claimed = (await this.redis.xautoclaim(
      this.key,
      GROUP,
      consumer,
      claimIdleMs,
      '0-0',
      'COUNT',
      wanted()
    )) as [string, Array<[string, string[]]>]
    this.#expand(claimed[1] ?? [], events)
    for (let round = 0; round < 4 && events.length < count; round++) {
      const fresh = (await this.redis.xreadgroup(
        'GROUP',
        GROUP,
        consumer,
        'COUNT',
        wanted(),
        'STREAMS',
        this.key,
        '>'
      )) as Array<[string, Array<[string, string[]]>]> | null
      const entries = fresh?.[0]?.[1] ?? []
      if (!entries.length) break
      this.#expand(entries, events)
    }
    return events
  }

  /** Stream entries → one BufferEntry per event, counted until each is resolved. */
  #expand(entries: Array<[string, string[] | null]>, into: BufferEntry[]) {
    let expanded = 0
    for (const [id, fields] of entries) {
      if (!fields) continue
      const events = readEntry(id, fields)
      this.#unresolved.set(id, (this.#unresolved.get(id) ?? 0) + events.length)
      into.push(...events)
      expanded += events.length
    }
    if (entries.length) this.#eventsPerEntry = Math.max(1, expanded / entries.length)
  }

  /**
   * The stream ids whose every event is now resolved (one id per event given): those are
   * acknowledged. An id this instance did not read is resolved at once.
   */
  #resolved(ids: string[]) {
    const done: string[] = []
    for (const id of ids) {
      const left = (this.#unresolved.get(id) ?? 1) - 1
      if (left > 0) {
        this.#unresolved.set(id, left)
      } else {
        this.#unresolved.delete(id)
        done.push(id)
      }
    }
    return done
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
    const done = this.#resolved(entries.map((entry) => entry.id))
    if (done.length) {
      pipeline.xack(this.key, GROUP, ...done)
      pipeline.xdel(this.key, ...done)
    }
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
    const done = this.#resolved(ids)
    if (!done.length) return
    await this.redis
      .pipeline()
      .xack(this.key, GROUP, ...done)
      .xdel(this.key, ...done)
      .exec()
  }

  /** Drops every buffered entry (benchmarks between runs; never the app). */
  async clear() {
    await this.redis.del(this.key)
  }

  /** Entries not yet acknowledged (waiting or pending). */
  async backlog() {
    return this.redis.xlen(this.key)
  }
}

/**
 * A stream entry as written by `append`: its events (`b`, a batch) or its event (`e`). A missing
 * or unparsable payload is one null event; so is a batch member that is not an object.
 */
function readEntry(id: string, fields: string[]): BufferEntry[] {
  let raw: string | null = null
  let batch: string | null = null
  for (let i = 0; i + 1 < fields.length; i += 2) {
    if (fields[i] === 'e') raw = fields[i + 1]
    if (fields[i] === 'b') batch = fields[i + 1]
  }
  if (batch !== null) {
    try {
      const parsed = JSON.parse(batch)
      if (Array.isArray(parsed) && parsed.length) {
        return parsed.map((member) =>
          member && typeof member === 'object' && !Array.isArray(member)
            ? { id, raw: JSON.stringify(member), event: member as BufferedEvent }
            : { id, raw: JSON.stringify(member), event: null }
        )
      }
    } catch {}
    return [{ id, raw: batch, event: null }]
  }
  let event: BufferedEvent | null = null
  try {
    const parsed = raw === null ? null : JSON.parse(raw)
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) event = parsed
  } catch {}
  return [{ id, raw: raw ?? JSON.stringify(fields), event }]
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
