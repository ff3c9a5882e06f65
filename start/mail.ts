/**
 * Mail goes through the `mail` queue, never out of a request: `mail.sendLater(...)` hands the
 * composed message to BullMQ and a worker renders and sends it (workers/send_mail_job.ts), with
 * retries when the SMTP server is down or slow.
 */
import mail from '@adonisjs/mail/services/main'
import queue from '#services/queue'

/** Failed sends retry five times over about half an hour (30 s, 1 min, 2 min, 4 min, 8 min…). */
export const MAIL_JOB_OPTIONS = {
  attempts: 6,
  backoff: { type: 'exponential', delay: 30_000 },
  /** Sent messages are not kept: their links (reset, verification) would sit in Redis. */
  removeOnComplete: true,
} as const

mail.setMessenger((mailer) => ({
  async queue(compiled) {
    await queue.dispatch(
      'mail',
      'send_mail',
      { mailerName: mailer.name, mail: JSON.parse(JSON.stringify(compiled)) },
      MAIL_JOB_OPTIONS
    )
  },
}))
