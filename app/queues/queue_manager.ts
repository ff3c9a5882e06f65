import { Queue, type Job, type JobsOptions } from 'bullmq'
import { Redis } from 'ioredis'
import env from '#start/env'
import logger from '@adonisjs/core/services/logger'
import { failFastRedisOptions, parseRedisUrl, redisCommandTimeoutMs, redisUrl } from '#config/redis'
import type { QueueName } from '#queues/definitions'
import { JOBS, jobOptions, type JobName, type JobPayload } from '#queues/jobs'
import { readQueueMetrics, recordJobOutcome } from '#queues/queue_metrics'

/** Finished jobs kept for inspection: a day of completed ones, a week of failed ones. */
const KEEP_FINISHED_JOBS: JobsOptions = {
  removeOnComplete: { age: 24 * 3600, count: 1000 },
  removeOnFail: { age: 7 * 24 * 3600 },
}

/**
 * Opens BullMQ queues lazily and closes them on shutdown (an open queue keeps `node ace test`
 * alive). The prefix separates environments: tests never share queues with a development worker.
 */
export class QueueManager {
  #queues = new Map<QueueName, Queue>()
  #connection?: Redis
  /** Set by close(): nothing may open a new connection after it (it would keep the process alive). */
  #closed = false

  /** Key prefix of every queue in this environment. */
  get prefix() {
    return env.get('QUEUE_PREFIX', `funil-${env.get('NODE_ENV')}`)
  }

  /**
   * The connection of the producers and of the beacon buffer, i.e. the one requests wait on. It
   * fails fast (config/redis.ts): until it first connects, commands wait for it (start-up); from
   * then on, a command sent while Redis is away fails at once (no offline queue) instead of
   * piling up and running late, and a hung Redis fails it after the command timeout. Requests
   * turn those failures into 503 + Retry-After (app/services/outage.ts); BullMQ's workers keep
   * their own patient connections.
   */
  connection() {
    if (!this.#connection) {
      const connection = new Redis(redisUrl, failFastRedisOptions)
      connection.once('ready', () => {
        connection.options.enableOfflineQueue = false
      })
      let lastWarning = 0
      connection.on('error', (error) => {
        if (Date.now() - lastWarning < 10_000) return
        lastWarning = Date.now()
        logger.warn(`redis (queues): ${error.message}`)
      })
      this.#connection = connection
    }
    return this.#connection
  }

  /**
   * Connection options for a worker. Options rather than an instance, so BullMQ owns the
   * connections it opens and closes them in `worker.close()` (an instance would stay open and
   * keep the process alive after SIGTERM).
   */
  workerConnectionOptions() {
    return {
      ...parseRedisUrl(redisUrl),
      maxRetriesPerRequest: null,
      /** BullMQ's default backs off to 20 s between attempts; a returning Redis is used within 2 s. */
      retryStrategy: (times: number) => Math.min(times * 200, 2000),
    }
  }

  queue(name: QueueName) {
    let queue = this.#queues.get(name)
    if (!queue) {
      queue = new Queue(name, { connection: this.connection(), prefix: this.prefix })
      /** The connection's errors are logged once above; BullMQ would print each one again. */
      queue.on('error', () => {})
      this.#queues.set(name, queue)
    }
    return queue
  }

  /**
   * Enqueues one job: its queue and options (id, attempts, backoff, delay) come from the job
   * registry (app/queues/jobs.ts), never from the caller, so a job's policy lives in one place.
   */
  dispatch<J extends JobName>(name: J, payload: JobPayload<J>) {
    if (this.#unreachable()) return Promise.reject(new RedisUnavailable())
    return withinRedisTimeout(
      this.queue(JOBS[name].queue).add(name, payload, {
        ...KEEP_FINISHED_JOBS,
        ...jobOptions(name, payload),
      })
    )
  }

  /** Enqueues many jobs of one kind in one round trip (job ids still deduplicate). */
  dispatchMany<J extends JobName>(name: J, payloads: Array<JobPayload<J>>) {
    if (!payloads.length) return Promise.resolve([])
    if (this.#unreachable()) return Promise.reject(new RedisUnavailable())
    return withinRedisTimeout(
      this.queue(JOBS[name].queue).addBulk(
        payloads.map((payload) => ({
          name,
          data: payload,
          opts: { ...KEEP_FINISHED_JOBS, ...jobOptions(name, payload) },
        }))
      )
    )
  }

  /**
   * Adds one finished attempt to the queue's metrics (workers call it; commands/worker_run.ts).
   * Metrics are a convenience: a Redis that refuses the write costs the job nothing.
   */
  recordOutcome(queue: QueueName, job: Job, outcome: 'completed' | 'failed') {
    if (this.#closed) return Promise.resolve()
    return recordJobOutcome(this.connection(), this.prefix, queue, job, outcome).catch(() => {})
  }

  /** Wait and processing times and failures of the last hour, per queue. */
  metrics(queues: readonly QueueName[]) {
    return withinRedisTimeout(readQueueMetrics(this.connection(), this.prefix, queues))
  }

  /**
   * Once connected, a Redis that is away fails an enqueue at once: a queue opened during the
   * outage would otherwise wait for it (until the timeout) before sending anything.
   */
  #unreachable() {
    const connection = this.connection()
    return connection.options.enableOfflineQueue === false && connection.status !== 'ready'
  }

  async close() {
    this.#closed = true
    await Promise.all([...this.#queues.values()].map((queue) => queue.close()))
    this.#queues.clear()
    if (this.#connection) {
      await this.#connection.quit().catch(() => {})
      this.#connection = undefined
    }
  }
}

/** A Redis that did not answer in time: requests answer 503 (app/services/outage.ts). */
export class RedisUnavailable extends Error {
  code = 'E_REDIS_UNAVAILABLE'
  constructor() {
    super('Redis is not reachable')
    this.name = 'RedisUnavailable'
  }
}

/**
 * A queue opened while Redis is away waits for it to come back before sending anything, so no
 * command timeout applies: the enqueue is bounded here instead.
 */
function withinRedisTimeout<T>(operation: Promise<T>) {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new RedisUnavailable()), redisCommandTimeoutMs * 2)
  })
  return Promise.race([operation, timeout]).finally(() => clearTimeout(timer))
}
