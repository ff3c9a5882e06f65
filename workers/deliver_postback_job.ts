import type { Job } from 'bullmq'
import type { JobPayload } from '#queues/definitions'
import DeliverPostback from '#actions/postbacks/deliver_postback'

/** Sends one delivery; throwing lets BullMQ retry it with the job's exponential backoff. */
export default async function deliverPostbackJob(
  job: Job<JobPayload<'postbacks', 'deliver_postback'>>
) {
  return DeliverPostback.handle({
    workspaceId: job.data.workspaceId,
    deliveryId: job.data.deliveryId,
    attempt: job.attemptsMade + 1,
    maxAttempts: job.opts.attempts ?? 1,
  })
}
