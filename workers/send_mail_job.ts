import type { Job } from 'bullmq'
import mail from '@adonisjs/mail/services/main'
import type { JobPayload } from '#queues/jobs'

/** Renders a queued message's templates and hands it to SMTP; a failure is retried by BullMQ. */
export default async function sendMailJob(job: Job<JobPayload<'send_mail'>>) {
  const { mailerName, mail: compiled } = job.data
  const mailer = mail.use(mailerName as 'smtp')
  const response = await mailer.sendCompiled(compiled as Parameters<typeof mailer.sendCompiled>[0])
  return { messageId: response.messageId }
}
