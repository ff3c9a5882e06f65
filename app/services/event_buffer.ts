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

export class EventBuffer {
  constructor(private redis: Redis = queue.connection()) {}

  get key() {
    return `${queue.prefix}:visitor-events`
  }

  async append(events: BufferedEvent[]) {
    if (!events.length) return
    const pipeline = this.redis.pipeline()
    for (const event of events) pipeline.xadd(this.key, '*', 'e', JSON.stringify(event))
    await pipeline.exec()
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
    return entries
      .filter(([, fields]) => fields)
      .map(([id, fields]) => ({ id, event: JSON.parse(fields[1]) as BufferedEvent }))
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
