import type { Job } from 'bullmq'
import type { JobPayload } from '#queues/jobs'
import logger from '@adonisjs/core/services/logger'
import ProcessWebhookEvent from '#actions/payments/process_webhook_event'

/**
 * One inbox row → re-read at the gateway → one transition at most. Retried with backoff. Where
 * the time of the live path went is logged at debug level, one line per row (`bench:live`
 * reads them): the wait in the queue, then each hop of the processing.
 */
export default async function processWebhookJob(job: Job<JobPayload<'process_webhook'>>) {
  const result = await ProcessWebhookEvent.handle(job.data)
  if ('timings' in result && logger.isLevelEnabled('debug')) {
    logger.debug(
      {
        webhookEventId: job.data.webhookEventId,
        queueWaitMs: job.processedOn ? job.processedOn - job.timestamp : null,
        ...result.timings,
      },
      'webhook processed'
    )
  }
  return { outcome: result.outcome }
}
