import type { Job } from 'bullmq'
import type { JobPayload } from '#queues/definitions'

/**
 * Placeholder until the postbacks issue: it will create one `postback_deliveries` row per
 * configured destination of the workspace (deduplicated on payment + target + status) and
 * enqueue `deliver_postback` for each. Today no destination is configured anywhere, so the
 * job completes with nothing to send (and stays visible in the queue's completed list).
 */
export default async function paymentStatusChangedJob(
  job: Job<JobPayload<'postbacks', 'payment_status_changed'>>
) {
  return { paymentId: job.data.paymentId, status: job.data.status, deliveries: 0 }
}
