import type { Job } from 'bullmq'
import type { JobPayload } from '#queues/jobs'
import SendBuyerEmail from '#actions/buyer_emails/send_buyer_email'

/** Sends one buyer e-mail row (at most once; a failure is retried by BullMQ). */
export default async function sendBuyerEmailJob(job: Job<JobPayload<'send_buyer_email'>>) {
  return SendBuyerEmail.handle(job.data)
}
