import { test } from '@japa/runner'
import { rm } from 'node:fs/promises'
import app from '@adonisjs/core/services/app'
import ReadOutbox from '#actions/accounts/read_outbox'
import { freshDatabase } from '#tests/helpers/database'
import { asInertia } from '#tests/helpers/inertia'
import { createTenant } from '#tests/helpers/tenants'
import { SmtpCatcher } from '#tests/helpers/smtp_catcher'
import { route } from '#tests/helpers/routes'

test.group('Accounts: development outbox', (group) => {
  freshDatabase(group)
  let catcher: SmtpCatcher
  group.setup(async () => {
    await rm(ReadOutbox.directory, { recursive: true, force: true })
    catcher = await new SmtpCatcher({ outboxDir: ReadOutbox.directory }).start()
    return async () => {
      await catcher.close()
      await rm(ReadOutbox.directory, { recursive: true, force: true })
    }
  })

  test('lists what the SMTP catcher received and shows one message, signed out too', async ({
    client,
    assert,
  }) => {
    const { owner } = await createTenant()
    await client
      .post(route('password.email'))
      .form({ email: owner.email })
      .withCsrfToken()
      .redirects(0)
    await catcher.waitFor(owner.email)

    const list = await asInertia(client.get(route('outbox.index')))
    list.assertStatus(200)
    assert.equal(list.body().component, 'outbox/index')
    const [summary] = list.body().props.messages
    assert.deepEqual(summary.to, [owner.email])
    assert.equal(summary.subject, 'Redefinição de senha do Funil Digital')
    assert.notProperty(summary, 'html', 'the list carries no bodies')

    const detail = await asInertia(client.get(route('outbox.show', { id: summary.id })))
    detail.assertStatus(200)
    assert.equal(detail.body().component, 'outbox/show')
    assert.include(detail.body().props.message.text, '/reset-password/')
    assert.include(detail.body().props.message.html, '<a href=')

    const html = await client.get(route('outbox.html', { id: summary.id }))
    html.assertStatus(200)
    html.assertHeader('x-frame-options', 'SAMEORIGIN')
    assert.match(String(html.header('content-security-policy')), /^sandbox /)
    assert.include(html.text(), 'Redefina sua senha')

    const unknown = await client.get('/outbox/00000000-0000-0000-0000-000000000000')
    unknown.assertStatus(404)
    const traversal = await client.get('/outbox/..%2F..%2Fpackage')
    traversal.assertStatus(404)
  })

  test('does not exist in production', async ({ client }) => {
    Object.defineProperty(app, 'inProduction', { get: () => true, configurable: true })
    try {
      const list = await client.get(route('outbox.index'))
      list.assertStatus(404)
      const one = await client.get('/outbox/00000000-0000-0000-0000-000000000000')
      one.assertStatus(404)
    } finally {
      delete (app as { inProduction?: boolean }).inProduction
    }
  })
})
