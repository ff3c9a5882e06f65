import type { Job } from 'bullmq'
import type { JobPayload } from '#queues/jobs'
import ExpirePayment from '#actions/payments/expire_payment'

/** At `expires_at`: an unpaid PIX expires (after a last read at the gateway). */
export default async function expirePaymentJob(job: Job<JobPayload<'expire_payment'>>) {
  return ExpirePayment.handle(job.data)
}
