import logger from '@adonisjs/core/services/logger'
import type { QueueManager } from '#queues/queue_manager'
import env from '#start/env'
import {
  ABANDONED_CHECKOUTS_SWEEP_EVERY_MS,
  ANALYTICS_ROLLUP_EVERY_MS,
  DELIVERIES_SWEEP_EVERY_MS,
  EVENT_FLUSH_EVERY_MS,
  OFFLINE_SWEEP_EVERY_MS,
  PAYMENTS_SWEEP_EVERY_MS,
  POSTBACKS_SWEEP_EVERY_MS,
  RECONCILIATION_CRON,
  type JobName,
  type QueueName,
} from '#queues/definitions'

/** One repeatable job: a BullMQ job scheduler (`upsertJobScheduler`) with a stable id. */
export interface Schedule<Q extends QueueName = QueueName> {
  /** The scheduler's id in Redis: one per job, never renamed (a new id is a second schedule). */
  id: string
  queue: Q
  job: JobName<Q>
  /** Every n milliseconds, or a cron pattern (UTC). */
  repeat: { every: number } | { pattern: string }
  /** Finished runs kept for inspection (default 100 completed, 500 failed). */
  keep?: { completed: number; failed: number }
}

function schedule<Q extends QueueName>(entry: Schedule<Q>): Schedule {
  return entry as unknown as Schedule
}

/**
 * EVERY repeatable job of the product, in one list: the workers assert this list at start and
 * again every minute (and whenever their Redis connection comes back), so a Redis that lost
 * its contents gets its schedules back by itself. To add one: a line here, the job's payload
 * in app/queues/definitions.ts and its processor in workers/processors.ts.
 */
export const SCHEDULES: Schedule[] = [
  schedule({
    id: 'flush-visitor-events',
    queue: 'tracking',
    job: 'flush_visitor_events',
    repeat: { every: EVENT_FLUSH_EVERY_MS },
  }),
  schedule({
    id: 'sweep-offline-visitors',
    queue: 'tracking',
    job: 'sweep_offline_visitors',
    repeat: { every: OFFLINE_SWEEP_EVERY_MS },
  }),
  schedule({
    id: 'rollup-analytics',
    queue: 'tracking',
    job: 'rollup_analytics',
    repeat: { every: ANALYTICS_ROLLUP_EVERY_MS },
  }),
  schedule({
    id: 'sweep-unplanned-postbacks',
    queue: 'postbacks',
    job: 'sweep_unplanned_postbacks',
    repeat: { every: POSTBACKS_SWEEP_EVERY_MS },
  }),
  schedule({
    id: 'requeue-lost-deliveries',
    queue: 'postbacks',
    job: 'requeue_lost_deliveries',
    repeat: { every: DELIVERIES_SWEEP_EVERY_MS },
  }),
  schedule({
    id: 'sweep-abandoned-checkouts',
    queue: 'payments',
    job: 'sweep_abandoned_checkouts',
    repeat: { every: ABANDONED_CHECKOUTS_SWEEP_EVERY_MS },
  }),
  schedule({
    id: 'sweep-pending-payments',
    queue: 'payments',
    job: 'sweep_pending_payments',
    repeat: { every: PAYMENTS_SWEEP_EVERY_MS },
  }),
  schedule({
    id: 'sweep-webhook-inbox',
    queue: 'webhooks',
    job: 'sweep_webhook_inbox',
    repeat: { every: PAYMENTS_SWEEP_EVERY_MS },
  }),
  schedule({
    id: 'reconcile-payments',
    queue: 'payments',
    job: 'reconcile_payments',
    repeat: { pattern: RECONCILIATION_CRON },
    keep: { completed: 30, failed: 100 },
  }),
]

/**
 * Upserts every schedule. `upsertJobScheduler` is idempotent: an existing scheduler keeps its
 * next run (its pending job is replaced at the same time), a missing one is created, so every
 * worker process may call this as often as it likes and only one schedule of each exists.
 */
export async function registerSchedules(manager: QueueManager, schedules = SCHEDULES) {
  await Promise.all(
    schedules.map((entry) =>
      manager.queue(entry.queue).upsertJobScheduler(entry.id, entry.repeat, {
        name: entry.job,
        data: {},
        opts: {
          removeOnComplete: entry.keep?.completed ?? 100,
          removeOnFail: entry.keep?.failed ?? 500,
        },
      })
    )
  )
  return schedules.length
}

/**
 * Keeps the schedules asserted while a worker runs: every `everyMs` (default a minute,
 * SCHEDULES_REASSERT_EVERY_MS) and as soon as the queue connection is ready again after a
 * disconnection (a restarted Redis may have come back empty). Schedules live only in Redis,
 * so without this a Redis restarted without its data stops the flush until a worker restarts.
 * A failed assertion (Redis down) is logged and retried at the next tick.
 */
export class ScheduleKeeper {
  #timer?: NodeJS.Timeout
  #running?: Promise<void>
  #onReady = () => void this.assert('reconnected')

  constructor(
    private manager: QueueManager,
    private everyMs = env.get('SCHEDULES_REASSERT_EVERY_MS') ?? 60_000
  ) {}

  /** Asserts once (waiting for Redis if it is not up yet), then keeps asserting. */
  async start() {
    await this.assert('start')
    this.#timer = setInterval(() => void this.assert('tick'), this.everyMs)
    this.manager.connection().on('ready', this.#onReady)
  }

  /** One assertion at a time; a call while one runs joins it. */
  assert(reason: string) {
    this.#running ??= registerSchedules(this.manager)
      .then((count) => {
        if (reason !== 'tick') logger.info(`schedules asserted (${count}, ${reason})`)
      })
      .catch((error) => {
        logger.warn(`could not assert the schedules (${reason}): ${error.message}`)
      })
      .finally(() => {
        this.#running = undefined
      })
    return this.#running
  }

  stop() {
    clearInterval(this.#timer)
    this.manager.connection().off('ready', this.#onReady)
  }
}
