import { BaseCheck, Result } from '@adonisjs/core/health'
import queue from '#services/queue'
import { QUEUES, type QueueName } from '#queues/definitions'

export type QueueJobCounts = Record<QueueName, Record<string, number>>

/**
 * Jobs per state of every queue (waiting, active, delayed, failed, completed), from Redis. Shared
 * by /health/ready and the deliveries page, which shows an agency whether workers keep up.
 */
export async function queueJobCounts(): Promise<QueueJobCounts> {
  const names = Object.values(QUEUES)
  const counts = await Promise.all(
    names.map((name) =>
      queue.queue(name).getJobCounts('waiting', 'active', 'delayed', 'failed', 'completed')
    )
  )
  return Object.fromEntries(names.map((name, index) => [name, counts[index]])) as QueueJobCounts
}

/**
 * Reports each queue's depth and failures on /health/ready. A backlog is a warning, not an
 * outage: the web process still serves pages while workers catch up.
 */
export class QueueDepthCheck extends BaseCheck {
  name = 'Queue depth'

  /** Waiting jobs above which the check warns. */
  constructor(private warnAbove = 10_000) {
    super()
  }

  async run() {
    const counts = await queueJobCounts()
    const backlog = Object.values(counts).reduce((sum, c) => sum + (c.waiting ?? 0), 0)
    const result =
      backlog > this.warnAbove
        ? Result.warning(`${backlog} jobs waiting`)
        : Result.ok(`${backlog} jobs waiting`)
    return result.setMetaData({ queues: counts })
  }
}
