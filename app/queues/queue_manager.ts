import { Queue, type JobsOptions } from 'bullmq'
import { Redis } from 'ioredis'
import env from '#start/env'
import { parseRedisUrl, redisUrl } from '#config/redis'
import type { JobName, JobPayload, QueueName } from '#queues/definitions'

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

  /** Key prefix of every queue in this environment. */
  get prefix() {
    return env.get('QUEUE_PREFIX', `funil-${env.get('NODE_ENV')}`)
  }

  /** A dedicated connection as BullMQ requires (`maxRetriesPerRequest: null`). */
  connection() {
    this.#connection ??= new Redis(redisUrl, { maxRetriesPerRequest: null })
    return this.#connection
  }

  /**
   * Connection options for a worker. Options rather than an instance, so BullMQ owns the
   * connections it opens and closes them in `worker.close()` (an instance would stay open and
   * keep the process alive after SIGTERM).
   */
  workerConnectionOptions() {
    return { ...parseRedisUrl(redisUrl), maxRetriesPerRequest: null }
  }

  queue(name: QueueName) {
    let queue = this.#queues.get(name)
    if (!queue) {
      queue = new Queue(name, { connection: this.connection(), prefix: this.prefix })
      this.#queues.set(name, queue)
    }
    return queue
  }

  /** Enqueues a job with a typed payload. */
  dispatch<Q extends QueueName, J extends JobName<Q>>(
    queue: Q,
    job: J,
    payload: JobPayload<Q, J>,
    options?: JobsOptions
  ) {
    return this.queue(queue).add(job, payload, { ...KEEP_FINISHED_JOBS, ...options })
  }

  /** Enqueues many jobs of one kind in one round trip (job ids still deduplicate). */
  dispatchMany<Q extends QueueName, J extends JobName<Q>>(
    queue: Q,
    job: J,
    jobs: Array<{ payload: JobPayload<Q, J>; options?: JobsOptions }>
  ) {
    if (!jobs.length) return Promise.resolve([])
    return this.queue(queue).addBulk(
      jobs.map(({ payload, options }) => ({
        name: job,
        data: payload,
        opts: { ...KEEP_FINISHED_JOBS, ...options },
      }))
    )
  }

  async close() {
    await Promise.all([...this.#queues.values()].map((queue) => queue.close()))
    this.#queues.clear()
    if (this.#connection) {
      await this.#connection.quit().catch(() => {})
      this.#connection = undefined
    }
  }
}
