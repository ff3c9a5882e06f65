import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { DateTime } from 'luxon'
import User from '#models/user'
import { freshDatabase } from '#tests/helpers/database'
import { asInertia } from '#tests/helpers/inertia'
import { apiToken, createTenant } from '#tests/helpers/tenants'
import { SmtpCatcher, linkIn, pathOf } from '#tests/helpers/smtp_catcher'
import { FACTORY_PASSWORD } from '#database/factories/user_factory'
import { BrowserSession } from '#tests/helpers/browser_session'
import { route } from '#tests/helpers/routes'

test.group('Accounts: profile', (group) => {
  freshDatabase(group)
  let catcher: SmtpCatcher
  group.setup(async () => {
    catcher = await new SmtpCatcher().start()
    return () => catcher.close()
  })
  group.each.setup(() => {
    catcher.messages = []
  })

  test('shows the profile with the API tokens, never their secrets', async ({ client, assert }) => {
    const { owner, workspace } = await createTenant()
    const bound = await apiToken(owner, workspace)
    await apiToken(owner, null)

    const page = await asInertia(client.get(route('profile.show')).loginAs(owner))
    page.assertStatus(200)
    assert.equal(page.body().component, 'profile/show')
    assert.equal(page.body().props.profile.email, owner.email)
    assert.isTrue(page.body().props.profile.emailVerified)
    const tokens = page.body().props.tokens
    assert.lengthOf(tokens, 2)
    assert.sameMembers(
      tokens.map((token: { workspace: string | null }) => token.workspace),
      [workspace.name, null]
    )
    assert.notInclude(JSON.stringify(page.body()), bound.slice(3, 20))

    const signedOut = await client.get(route('profile.show')).redirects(0)
    signedOut.assertStatus(302)
  })

  test('updates name and language; bad input is a field error', async ({ client, assert }) => {
    const { owner } = await createTenant()
    const response = await client
      .put(route('profile.update'))
      .header('referer', route('profile.show'))
      .form({ name: 'Novo Nome', locale: 'en' })
      .withCsrfToken()
      .loginAs(owner)
      .redirects(0)
    response.assertStatus(302)
    response.assertFlashMessage('success', 'Profile saved.')
    await owner.refresh()
    assert.equal(owner.name, 'Novo Nome')
    assert.equal(owner.locale, 'en')

    const bad = await client
      .put(route('profile.update'))
      .header('accept', 'application/json')
      .json({ name: 'x', locale: 'fr' })
      .withCsrfToken()
      .loginAs(owner)
    bad.assertStatus(422)
    assert.sameMembers(
      bad.body().errors.map((error: { field: string }) => error.field),
      ['name', 'locale']
    )
  })

  test('e-mail change needs the password and a click on the link sent to the new address', async ({
    client,
    assert,
  }) => {
    const { owner } = await createTenant()
    const oldEmail = owner.email

    const wrong = await client
      .post(route('profile.email'))
      .header('referer', route('profile.show'))
      .form({ email: 'novo@endereco.test', currentPassword: 'errada' })
      .withCsrfToken()
      .loginAs(owner)
      .redirects(0)
    assert.deepEqual(wrong.flashMessages().inputErrorsBag, {
      currentPassword: ['Senha atual incorreta'],
    })
    assert.notProperty(wrong.flashMessages(), 'currentPassword')

    const same = await client
      .post(route('profile.email'))
      .header('accept', 'application/json')
      .json({ email: oldEmail.toUpperCase(), currentPassword: FACTORY_PASSWORD })
      .withCsrfToken()
      .loginAs(owner)
    same.assertStatus(422)
    assert.equal(same.body().errors[0].rule, 'same_email')

    const asked = await client
      .post(route('profile.email'))
      .header('referer', route('profile.show'))
      .form({ email: 'Novo@Endereco.test', currentPassword: FACTORY_PASSWORD })
      .withCsrfToken()
      .loginAs(owner)
      .redirects(0)
    asked.assertStatus(302)
    await owner.refresh()
    assert.equal(owner.email, oldEmail, 'nothing changes before the click')

    const page = await asInertia(client.get(route('profile.show')).loginAs(owner))
    assert.equal(page.body().props.profile.pendingEmail, 'novo@endereco.test')

    const mail = await catcher.waitFor('novo@endereco.test')
    assert.equal(mail.subject, 'Confirme seu novo e-mail no Funil Digital')
    const link = pathOf(linkIn(mail, '/profile/email/'))

    const confirmed = await client.get(link).redirects(0)
    confirmed.assertStatus(302)
    confirmed.assertHeader('location', route('session.create'))
    await owner.refresh()
    assert.equal(owner.email, 'novo@endereco.test')
    assert.isNotNull(owner.emailVerifiedAt)

    const notice = await catcher.waitFor(oldEmail)
    assert.equal(notice.subject, 'O e-mail da sua conta foi alterado')
    assert.include(notice.text, 'novo@endereco.test')

    const again = await asInertia(client.get(link))
    assert.equal(again.body().component, 'auth/link_invalid')

    const login = await client
      .post(route('api.auth.login'))
      .json({ email: 'novo@endereco.test', password: FACTORY_PASSWORD })
    login.assertStatus(200)
  })

  test('an address of another account gets no mail and the same answer; a link loses if the address is taken meanwhile', async ({
    client,
    assert,
  }) => {
    const { owner } = await createTenant()
    const { owner: other } = await createTenant()

    const taken = await client
      .post(route('profile.email'))
      .header('referer', route('profile.show'))
      .form({ email: other.email, currentPassword: FACTORY_PASSWORD })
      .withCsrfToken()
      .loginAs(owner)
      .redirects(0)
    const free = await client
      .post(route('profile.email'))
      .header('referer', route('profile.show'))
      .form({ email: 'livre@endereco.test', currentPassword: FACTORY_PASSWORD })
      .withCsrfToken()
      .loginAs(owner)
      .redirects(0)
    assert.equal(
      String(taken.flashMessages().success).replace(other.email, '<e>'),
      String(free.flashMessages().success).replace('livre@endereco.test', '<e>')
    )
    const link = pathOf(linkIn(await catcher.waitFor('livre@endereco.test'), '/profile/email/'))
    await catcher.settle()
    assert.lengthOf(catcher.to(other.email), 0)

    await User.query().where('id', other.id).update({ email: 'livre@endereco.test' })
    const lost = await asInertia(client.get(link))
    assert.equal(lost.body().component, 'auth/link_invalid')
    await owner.refresh()
    assert.notEqual(owner.email, 'livre@endereco.test')
  })

  test('an expired e-mail change link is refused', async ({ client, assert }) => {
    const { owner } = await createTenant()
    await client
      .post(route('profile.email'))
      .form({ email: 'tarde@endereco.test', currentPassword: FACTORY_PASSWORD })
      .withCsrfToken()
      .loginAs(owner)
      .redirects(0)
    const link = pathOf(linkIn(await catcher.waitFor('tarde@endereco.test'), '/profile/email/'))
    await db
      .from('account_tokens')
      .update({ expires_at: DateTime.now().minus({ seconds: 1 }).toSQL() })
    const expired = await asInertia(client.get(link))
    assert.equal(expired.body().component, 'auth/link_invalid')
  })

  test('password change needs the current password and ends every API token', async ({
    client,
    assert,
  }) => {
    const { owner, workspace } = await createTenant()
    const token = await apiToken(owner, workspace)

    const wrong = await client
      .put(route('profile.password'))
      .header('accept', 'application/json')
      .json({
        currentPassword: 'errada',
        password: 'nova-senha-123',
        passwordConfirmation: 'nova-senha-123',
      })
      .withCsrfToken()
      .loginAs(owner)
    wrong.assertStatus(422)
    assert.equal(wrong.body().errors[0].field, 'currentPassword')
    ;(await client.get(route('api.auth.me')).bearerToken(token)).assertStatus(200)

    const changed = await client
      .put(route('profile.password'))
      .header('referer', route('profile.show'))
      .form({
        currentPassword: FACTORY_PASSWORD,
        password: 'nova-senha-123',
        passwordConfirmation: 'nova-senha-123',
      })
      .withCsrfToken()
      .loginAs(owner)
      .redirects(0)
    changed.assertStatus(302)
    changed.assertFlashMessage(
      'success',
      'Senha alterada. As outras sessões e tokens de API foram encerrados.'
    )
    ;(await client.get(route('api.auth.me')).bearerToken(token)).assertStatus(401)
    const refreshed = await User.findOrFail(owner.id)
    assert.isAbove(refreshed.sessionVersion, owner.sessionVersion ?? 0)
    const notice = await catcher.waitFor(owner.email)
    assert.equal(notice.subject, 'Sua senha foi alterada')
    ;(
      await client
        .post(route('api.auth.login'))
        .json({ email: owner.email, password: 'nova-senha-123' })
    ).assertStatus(200)
  })

  test('"encerrar" ends one API token of the user; another user\'s token id is a 404', async ({
    client,
  }) => {
    const { owner, workspace } = await createTenant()
    const { owner: stranger, workspace: strangerWorkspace } = await createTenant()
    const mine = await apiToken(owner, workspace)
    const keep = await apiToken(owner, null)
    const theirs = await apiToken(stranger, strangerWorkspace)
    const [mineRow, theirRow] = await Promise.all([
      db.from('auth_access_tokens').where('tokenable_id', owner.id).orderBy('id').first(),
      db.from('auth_access_tokens').where('tokenable_id', stranger.id).first(),
    ])

    const forbidden = await client
      .delete(route('profile.tokens.destroy', { id: theirRow.id }))
      .withCsrfToken()
      .loginAs(owner)
      .redirects(0)
    forbidden.assertStatus(404)
    ;(await client.get(route('api.auth.me')).bearerToken(theirs)).assertStatus(200)

    const ended = await client
      .delete(route('profile.tokens.destroy', { id: mineRow.id }))
      .header('referer', route('profile.show'))
      .withCsrfToken()
      .loginAs(owner)
      .redirects(0)
    ended.assertStatus(302)
    ;(await client.get(route('api.auth.me')).bearerToken(mine)).assertStatus(401)
    ;(await client.get(route('api.auth.me')).bearerToken(keep)).assertStatus(200)

    const notNumeric = await client.delete('/profile/tokens/abc').withCsrfToken().loginAs(owner)
    notNumeric.assertStatus(404)
  })

  test('"encerrar as outras sessões" bumps the session version and keeps API tokens', async ({
    client,
    assert,
  }) => {
    const { owner, workspace } = await createTenant()
    const token = await apiToken(owner, workspace)
    const response = await client
      .post(route('profile.sessions.end'))
      .header('referer', route('profile.show'))
      .withCsrfToken()
      .loginAs(owner)
      .redirects(0)
    response.assertStatus(302)
    const refreshed = await User.findOrFail(owner.id)
    assert.equal(refreshed.sessionVersion, (owner.sessionVersion ?? 0) + 1)
    ;(await client.get(route('api.auth.me')).bearerToken(token)).assertStatus(200)
  })

  test('with real browser sessions: the one that changes the password stays in, the others are out', async ({
    assert,
  }) => {
    const { owner } = await createTenant()
    const laptop = await new BrowserSession().login(owner.email, FACTORY_PASSWORD)
    const phone = await new BrowserSession().login(owner.email, FACTORY_PASSWORD)

    await laptop.request(route('profile.show'))
    const changed = await laptop.request(route('profile.password'), {
      method: 'PUT',
      headers: {
        'content-type': 'application/json',
        'x-xsrf-token': laptop.xsrfToken!,
        'x-inertia': 'true',
        'x-inertia-version': '1',
        'referer': route('profile.show'),
      },
      body: JSON.stringify({
        currentPassword: FACTORY_PASSWORD,
        password: 'nova-senha-123',
        passwordConfirmation: 'nova-senha-123',
      }),
    })
    assert.oneOf(changed.status, [302, 303])
    assert.isTrue(await laptop.isSignedIn(), 'the browser that changed it stays signed in')
    assert.isFalse(await phone.isSignedIn(), 'every other session is over')

    const tablet = await new BrowserSession().login(owner.email, 'nova-senha-123')
    const ended = await laptop.request(route('profile.sessions.end'), {
      method: 'POST',
      headers: { 'x-xsrf-token': laptop.xsrfToken!, 'referer': route('profile.show') },
    })
    assert.equal(ended.status, 302)
    assert.isTrue(await laptop.isSignedIn())
    assert.isFalse(await tablet.isSignedIn())
  })
})
