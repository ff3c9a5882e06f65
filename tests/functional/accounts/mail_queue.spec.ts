import { test } from '@japa/runner'
import app from '@adonisjs/core/services/app'
import { freshDatabase } from '#tests/helpers/database'
import { createTenant } from '#tests/helpers/tenants'
import { SmtpCatcher } from '#tests/helpers/smtp_catcher'
import { MAIL_RETRIES } from '#queues/jobs'
import { route } from '#tests/helpers/routes'

test.group('Accounts: mail queue', (group) => {
  freshDatabase(group)
  let catcher: SmtpCatcher
  group.setup(async () => {
    catcher = await new SmtpCatcher().start()
    return () => catcher.close()
  })

  test('a request only enqueues: with the SMTP server down it still answers, and the job retries until it is back', async ({
    client,
    assert,
  }) => {
    const { owner } = await createTenant()
    const queue = (await app.container.make('queue')).queue('mail')
    await catcher.stopSmtp()

    const started = Date.now()
    const response = await client
      .post(route('password.email'))
      .header('referer', route('password.forgot'))
      .form({ email: owner.email })
      .withCsrfToken()
      .redirects(0)
    response.assertStatus(302)
    assert.isBelow(Date.now() - started, 2000, 'the request does not wait on SMTP')

    /** The first attempt fails (connection refused) and the job waits for its retry. */
    let delayed: Awaited<ReturnType<typeof queue.getDelayed>> = []
    for (let i = 0; i < 100 && !delayed.length; i++) {
      await new Promise((resolve) => setTimeout(resolve, 100))
      delayed = await queue.getDelayed()
    }
    assert.lengthOf(delayed, 1)
    const [job] = delayed
    assert.equal(job.name, 'send_mail')
    assert.equal(job.attemptsMade, 1)
    assert.equal(job.opts.attempts, MAIL_RETRIES.attempts)
    assert.match(job.failedReason, /ECONNREFUSED|connect/i)
    assert.lengthOf(catcher.to(owner.email), 0)

    await catcher.startSmtp()
    await job.promote()
    const mail = await catcher.waitFor(owner.email)
    assert.equal(mail.subject, 'Redefinição de senha do Funil Digital')
    assert.equal(mail.from, '"Funil Digital" <nao-responda@funil.test>')
  })
})
