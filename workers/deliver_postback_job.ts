import { DelayedError, type Job } from 'bullmq'
import type { JobPayload } from '#queues/jobs'
import DeliverPostback, { DeliveryLeased } from '#actions/postbacks/deliver_postback'

/**
 * Sends one delivery; throwing lets BullMQ retry it with the job's exponential backoff. A
 * delivery another worker holds (its lease) is not a failure: the job waits for the lease to
 * end without spending an attempt.
 */
export default async function deliverPostbackJob(
  job: Job<JobPayload<'deliver_postback'>>,
  token?: string
) {
  try {
    return await DeliverPostback.handle({
      workspaceId: job.data.workspaceId,
      deliveryId: job.data.deliveryId,
      attempt: job.attemptsMade + 1,
      maxAttempts: job.opts.attempts ?? 1,
    })
  } catch (error) {
    if (error instanceof DeliveryLeased && token) {
      await job.moveToDelayed(error.until.getTime() + 250, token)
      throw new DelayedError()
    }
    throw error
  }
}
