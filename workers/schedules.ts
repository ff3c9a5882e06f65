import logger from '@adonisjs/core/services/logger'
import type { QueueManager } from '#queues/queue_manager'
import env from '#start/env'
import type { QueueName } from '#queues/definitions'
import { JOBS, type JobName, type JobSchedule } from '#queues/jobs'

/** One repeatable job: a BullMQ job scheduler (`upsertJobScheduler`) with a stable id. */
export interface Schedule extends JobSchedule {
  queue: QueueName
  job: JobName
}

/**
 * EVERY repeatable job of the product, read from the job registry (app/queues/jobs.ts, the
 * `schedule` of a job): the workers assert this list at start and again every minute (and
 * whenever their Redis connection comes back), so a Redis that lost its contents gets its
 * schedules back by itself.
 */
export const SCHEDULES: Schedule[] = (Object.keys(JOBS) as JobName[]).flatMap((job) => {
  const { queue, schedule } = JOBS[job]
  return schedule ? [{ ...schedule, queue, job }] : []
})

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
  /** stop() may come while start() waits for Redis (a SIGTERM at boot): start then does nothing more. */
  #stopped = false
  #listening = false
  #onReady = () => void this.assert('reconnected')

  constructor(
    private manager: QueueManager,
    private everyMs = env.get('SCHEDULES_REASSERT_EVERY_MS') ?? 60_000
  ) {}

  /** Asserts once (waiting for Redis if it is not up yet), then keeps asserting. */
  async start() {
    await this.assert('start')
    if (this.#stopped) return
    this.#timer = setInterval(() => void this.assert('tick'), this.everyMs)
    this.manager.connection().on('ready', this.#onReady)
    this.#listening = true
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
    this.#stopped = true
    clearInterval(this.#timer)
    if (this.#listening) this.manager.connection().off('ready', this.#onReady)
    this.#listening = false
  }
}
