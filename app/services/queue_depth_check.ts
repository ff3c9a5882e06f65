import { BaseCheck, Result } from '@adonisjs/core/health'
import queue from '#services/queue'
import { QUEUES } from '#queues/definitions'

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
    const counts: Record<string, Record<string, number>> = {}
    for (const name of Object.values(QUEUES)) {
      counts[name] = await queue
        .queue(name)
        .getJobCounts('waiting', 'active', 'delayed', 'failed', 'completed')
    }
    const backlog = Object.values(counts).reduce((sum, c) => sum + (c.waiting ?? 0), 0)
    const result =
      backlog > this.warnAbove
        ? Result.warning(`${backlog} jobs waiting`)
        : Result.ok(`${backlog} jobs waiting`)
    return result.setMetaData({ queues: counts })
  }
}
