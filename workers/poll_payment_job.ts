import type { Job } from 'bullmq'
import type { JobPayload } from '#queues/jobs'
import PollPayment from '#actions/payments/poll_payment'

/** Reads a pending payment at its gateway and schedules the next poll while it stays pending. */
export default async function pollPaymentJob(job: Job<JobPayload<'poll_payment'>>) {
  return PollPayment.handle(job.data)
}
