import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { DateTime } from 'luxon'
import User from '#models/user'
import { freshDatabase } from '#tests/helpers/database'
import { asInertia } from '#tests/helpers/inertia'
import { apiToken, createTenant } from '#tests/helpers/tenants'
import { SmtpCatcher, linkIn, pathOf } from '#tests/helpers/smtp_catcher'
import { FACTORY_PASSWORD } from '#database/factories/user_factory'
import { route } from '#tests/helpers/routes'

const NEW_PASSWORD = 'nova-senha-segura-1'

/** Asks for a reset link and returns the path of the one e-mailed. */
async function requestLink(client: any, catcher: SmtpCatcher, email: string, count = 1) {
  const response = await client
    .post(route('password.email'))
    .header('referer', route('password.forgot'))
    .form({ email })
    .withCsrfToken()
    .redirects(0)
  response.assertStatus(302)
  return pathOf(linkIn(await catcher.waitFor(email, { count }), '/reset-password/'))
}

test.group('Accounts: password reset', (group) => {
  freshDatabase(group)
  let catcher: SmtpCatcher
  group.setup(async () => {
    catcher = await new SmtpCatcher().start()
    return () => catcher.close()
  })
  group.each.setup(() => {
    catcher.messages = []
  })

  test('an e-mailed link sets a new password once, ends sessions and tokens, and lifts the login lock', async ({
    client,
    assert,
  }) => {
    const { owner, workspace } = await createTenant()
    const token = await apiToken(owner, workspace)

    /** Five wrong passwords lock the login (even for the right one). */
    for (let i = 0; i < 5; i++) {
      await client.post(route('api.auth.login')).json({ email: owner.email, password: 'errada' })
    }
    const locked = await client
      .post(route('api.auth.login'))
      .json({ email: owner.email, password: FACTORY_PASSWORD })
    locked.assertStatus(429)

    const path = await requestLink(client, catcher, owner.email)
    const mail = catcher.to(owner.email)[0]
    assert.equal(mail.subject, 'Redefinição de senha do Funil Digital')
    assert.include(mail.text, '60 minutos')

    const form = await asInertia(client.get(path))
    assert.equal(form.body().component, 'auth/reset_password')

    const reset = await client
      .post(path)
      .header('referer', path)
      .form({ password: NEW_PASSWORD, passwordConfirmation: NEW_PASSWORD })
      .withCsrfToken()
      .redirects(0)
    reset.assertStatus(302)
    reset.assertHeader('location', route('session.create'))
    reset.assertFlashMessage('success', 'Senha alterada. Entre com a nova senha.')

    /** The old token is gone, the old password too; the new one works at once (lock lifted). */
    const me = await client.get(route('api.auth.me')).bearerToken(token)
    me.assertStatus(401)
    const old = await client
      .post(route('api.auth.login'))
      .json({ email: owner.email, password: FACTORY_PASSWORD })
    old.assertStatus(400)
    const fresh = await client
      .post(route('api.auth.login'))
      .json({ email: owner.email, password: NEW_PASSWORD })
    fresh.assertStatus(200)

    const refreshed = await User.findOrFail(owner.id)
    assert.isAbove(refreshed.sessionVersion, owner.sessionVersion ?? 0, 'sessions were ended')

    /** Single use. */
    const again = await asInertia(client.get(path))
    assert.equal(again.body().component, 'auth/link_invalid')
    const replay = await asInertia(
      client
        .post(path)
        .form({ password: 'outra-senha-123', passwordConfirmation: 'outra-senha-123' })
        .withCsrfToken()
    )
    assert.equal(replay.body().component, 'auth/link_invalid')
    const after = await client
      .post(route('api.auth.login'))
      .json({ email: owner.email, password: 'outra-senha-123' })
    after.assertStatus(400)
  })

  test('unknown, deactivated and known addresses get the same answer; only the active one gets mail', async ({
    client,
    assert,
  }) => {
    const { owner } = await createTenant()
    const { owner: inactive } = await createTenant()
    await User.query().where('id', inactive.id).update({ is_active: false })

    const answers = []
    for (const email of [owner.email, 'ninguem@nada.test', inactive.email]) {
      const response = await client
        .post(route('password.email'))
        .header('referer', route('password.forgot'))
        .form({ email })
        .withCsrfToken()
        .redirects(0)
      answers.push({
        status: response.status(),
        location: response.header('location'),
        flash: String(response.flashMessages().success).replace(email, '<email>'),
      })
    }
    assert.deepEqual(answers[1], answers[0])
    assert.deepEqual(answers[2], answers[0])

    await catcher.waitFor(owner.email)
    await catcher.settle()
    assert.lengthOf(catcher.to('ninguem@nada.test'), 0)
    assert.lengthOf(catcher.to(inactive.email), 0)
  })

  test('expired, superseded, malformed links and bad passwords are refused', async ({
    client,
    assert,
  }) => {
    const { owner } = await createTenant()
    const first = await requestLink(client, catcher, owner.email)
    const second = await requestLink(client, catcher, owner.email, 2)

    const superseded = await asInertia(client.get(first))
    assert.equal(
      superseded.body().component,
      'auth/link_invalid',
      'a newer link replaces older ones'
    )

    const weak = await client
      .post(second)
      .header('referer', second)
      .form({ password: 'curta', passwordConfirmation: 'curta' })
      .withCsrfToken()
      .redirects(0)
    weak.assertStatus(302)
    assert.property(weak.flashMessages().inputErrorsBag, 'password')
    const mismatch = await client
      .post(second)
      .header('accept', 'application/json')
      .json({ password: NEW_PASSWORD, passwordConfirmation: 'outra-coisa-123' })
      .withCsrfToken()
    mismatch.assertStatus(422)
    assert.equal(mismatch.body().errors[0].field, 'passwordConfirmation')

    await db
      .from('account_tokens')
      .where('user_id', owner.id)
      .update({ expires_at: DateTime.now().minus({ seconds: 1 }).toSQL() })
    const expired = await asInertia(
      client
        .post(second)
        .form({ password: NEW_PASSWORD, passwordConfirmation: NEW_PASSWORD })
        .withCsrfToken()
    )
    assert.equal(expired.body().component, 'auth/link_invalid')
    const login = await client
      .post(route('api.auth.login'))
      .json({ email: owner.email, password: FACTORY_PASSWORD })
    login.assertStatus(200)

    const malformed = await asInertia(client.get("/reset-password/'%20or%201=1"))
    malformed.assertStatus(200)
    assert.equal(malformed.body().component, 'auth/link_invalid')

    const badEmail = await client
      .post(route('password.email'))
      .header('accept', 'application/json')
      .json({ email: 'not an email' })
      .withCsrfToken()
    badEmail.assertStatus(422)
    assert.equal(badEmail.body().errors[0].field, 'email')
  })

  test('a verification token cannot be used as a reset token', async ({ client, assert }) => {
    await client
      .post(route('signup.store'))
      .form({
        name: 'Bia',
        email: 'bia@nova.test',
        password: 'senha-forte-123',
        passwordConfirmation: 'senha-forte-123',
        agencyName: 'Agência Bia',
        workspaceName: 'Loja',
        workspaceSlug: 'loja-bia',
      })
      .withCsrfToken()
      .redirects(0)
    const verify = linkIn(await catcher.waitFor('bia@nova.test'), '/verify-email/')
    const token = verify.split('/').pop()!
    const page = await asInertia(client.get(route('password.reset', { token })))
    assert.equal(page.body().component, 'auth/link_invalid')
  })

  test('reset requests are throttled per address and per IP without changing the answer', async ({
    client,
    assert,
  }) => {
    const { owner } = await createTenant()
    for (let i = 0; i < 5; i++) {
      const response = await client
        .post(route('password.email'))
        .header('referer', route('password.forgot'))
        .form({ email: owner.email })
        .withCsrfToken()
        .redirects(0)
      assert.match(String(response.flashMessages().success), /Se houver uma conta/)
    }
    await catcher.settle()
    assert.lengthOf(catcher.to(owner.email), 3, 'three links an hour per address')

    for (let i = 0; i < 5; i++) {
      await client
        .post(route('password.email'))
        .form({ email: `x${i}@nada.test` })
        .withCsrfToken()
        .redirects(0)
    }
    const eleventh = await client
      .post(route('password.email'))
      .header('referer', route('password.forgot'))
      .form({ email: owner.email })
      .withCsrfToken()
      .redirects(0)
    assert.match(String(eleventh.flashMessages().error), /Muitas tentativas/)
  })
})
