import { BaseCheck, Result } from '@adonisjs/core/health'
import queue from '#services/queue'
import { QUEUES, type QueueName } from '#queues/definitions'

import type { QueueMetrics } from '#queues/queue_metrics'

export type QueueJobCounts = Record<QueueName, Record<string, number>>

/** One queue as "Entregas" shows it: its jobs now and what it did over the last hour. */
export type QueueState = {
  name: QueueName
  waiting: number
  active: number
  delayed: number
  failed: number
  metrics: QueueMetrics
}

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

/** Every queue's jobs per state and metrics (wait, processing time, failures of the last hour). */
export async function queueStates(): Promise<QueueState[]> {
  const names = Object.values(QUEUES)
  const [counts, metrics] = await Promise.all([queueJobCounts(), queue.metrics(names)])
  return names.map((name) => ({
    name,
    waiting: counts[name].waiting ?? 0,
    active: counts[name].active ?? 0,
    delayed: counts[name].delayed ?? 0,
    failed: counts[name].failed ?? 0,
    metrics: metrics[name],
  }))
}

/**
 * Reports each queue's depth, failures and metrics on /health/ready (details behind HEALTH_TOKEN). A backlog is a warning, not an
 * outage: the web process still serves pages while workers catch up.
 */
export class QueueDepthCheck extends BaseCheck {
  name = 'Queue depth'

  /** Waiting jobs above which the check warns. */
  constructor(private warnAbove = 10_000) {
    super()
  }

  async run() {
    const names = Object.values(QUEUES)
    const [counts, metrics] = await Promise.all([queueJobCounts(), queue.metrics(names)])
    const backlog = Object.values(counts).reduce((sum, c) => sum + (c.waiting ?? 0), 0)
    const result =
      backlog > this.warnAbove
        ? Result.warning(`${backlog} jobs waiting`)
        : Result.ok(`${backlog} jobs waiting`)
    /** `metrics`: per queue, the last hour's wait and processing times (ms) and failed attempts. */
    return result.setMetaData({ queues: counts, metrics })
  }
}
