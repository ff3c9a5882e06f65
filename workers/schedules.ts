import type { QueueManager } from '#queues/queue_manager'
import {
  ANALYTICS_ROLLUP_EVERY_MS,
  EVENT_FLUSH_EVERY_MS,
  OFFLINE_SWEEP_EVERY_MS,
  POSTBACKS_SWEEP_EVERY_MS,
  QUEUES,
} from '#queues/definitions'

/**
 * Repeatable jobs. `upsertJobScheduler` is idempotent, so every worker process may call it
 * at start-up and only one schedule exists.
 */
export async function registerSchedules(manager: QueueManager) {
  await manager
    .queue(QUEUES.tracking)
    .upsertJobScheduler(
      'flush-visitor-events',
      { every: EVENT_FLUSH_EVERY_MS },
      { name: 'flush_visitor_events', data: {}, opts: { removeOnComplete: 100, removeOnFail: 500 } }
    )
  await manager.queue(QUEUES.tracking).upsertJobScheduler(
    'sweep-offline-visitors',
    { every: OFFLINE_SWEEP_EVERY_MS },
    {
      name: 'sweep_offline_visitors',
      data: {},
      opts: { removeOnComplete: 100, removeOnFail: 500 },
    }
  )
  await manager
    .queue(QUEUES.tracking)
    .upsertJobScheduler(
      'rollup-analytics',
      { every: ANALYTICS_ROLLUP_EVERY_MS },
      { name: 'rollup_analytics', data: {}, opts: { removeOnComplete: 100, removeOnFail: 500 } }
    )
  await manager.queue(QUEUES.postbacks).upsertJobScheduler(
    'sweep-unplanned-postbacks',
    { every: POSTBACKS_SWEEP_EVERY_MS },
    {
      name: 'sweep_unplanned_postbacks',
      data: {},
      opts: { removeOnComplete: 100, removeOnFail: 500 },
    }
  )
}
