import type { Job } from 'bullmq'
import type { JobPayload } from '#queues/jobs'
import ProcessWebhookEvent from '#actions/payments/process_webhook_event'

/** One inbox row → re-read at the gateway → one transition at most. Retried with backoff. */
export default async function processWebhookJob(job: Job<JobPayload<'process_webhook'>>) {
  const { outcome } = await ProcessWebhookEvent.handle(job.data)
  return { outcome }
}
