/**
 * Mail goes through the `mail` queue, never out of a request: `mail.sendLater(...)` hands the
 * composed message to BullMQ and a worker renders and sends it (workers/send_mail_job.ts), with
 * retries when the SMTP server is down or slow.
 */
import mail from '@adonisjs/mail/services/main'
import queue from '#services/queue'

mail.setMessenger((mailer) => ({
  async queue(compiled) {
    /** Retries and what is kept: the `send_mail` entry of app/queues/jobs.ts. */
    await queue.dispatch('send_mail', {
      mailerName: mailer.name,
      mail: JSON.parse(JSON.stringify(compiled)),
    })
  },
}))
