import { test } from '@japa/runner'
import type { ApiRequest } from '@japa/api-client'
import db from '@adonisjs/lucid/services/db'
import { DateTime } from 'luxon'
import User from '#models/user'
import Workspace from '#models/workspace'
import { freshDatabase } from '#tests/helpers/database'
import { asInertia } from '#tests/helpers/inertia'
import { createTenant } from '#tests/helpers/tenants'
import { SmtpCatcher, linkIn, pathOf } from '#tests/helpers/smtp_catcher'
import { appUrl } from '#config/app'
import { route } from '#tests/helpers/routes'

/** The language switcher's cookie, raw (the app reads it unencoded). */
export function withLocale<T extends ApiRequest>(request: T, locale: string) {
  request.cookiesJar.locale = { name: 'locale', value: locale }
  return request
}

const signUp = (overrides: Record<string, string> = {}) => ({
  name: 'Ana Souza',
  email: 'ana@agencia-nova.test',
  password: 'senha-forte-123',
  passwordConfirmation: 'senha-forte-123',
  agencyName: 'Agência Nova',
  workspaceName: 'Loja da Ana',
  workspaceSlug: 'loja-da-ana',
  ...overrides,
})

test.group('Accounts: sign-up', (group) => {
  freshDatabase(group)
  let catcher: SmtpCatcher
  group.setup(async () => {
    catcher = await new SmtpCatcher().start()
    return () => catcher.close()
  })
  group.each.setup(() => {
    catcher.messages = []
  })

  test('creates the owner, agency and first workspace, and e-mails a verification link', async ({
    client,
    assert,
  }) => {
    const response = await client
      .post(route('signup.store'))
      .form(signUp({ email: 'Ana@Agencia-Nova.test' }))
      .withCsrfToken()
      .redirects(0)
    response.assertStatus(302)
    response.assertHeader('location', route('signup.sent'))

    const user = await User.findByOrFail('email', 'ana@agencia-nova.test')
    assert.isNull(user.emailVerifiedAt)
    assert.equal(user.name, 'Ana Souza')
    const membership = await db.from('agency_members').where('user_id', user.id).firstOrFail()
    assert.equal(membership.role, 'owner')
    const workspace = await Workspace.findByOrFail('slug', 'loja-da-ana')
    assert.equal(workspace.agencyId, membership.agency_id)
    assert.equal(workspace.name, 'Loja da Ana')

    const mail = await catcher.waitFor('ana@agencia-nova.test')
    assert.equal(mail.subject, 'Confirme seu e-mail no Funil Digital')
    assert.include(mail.text, 'Agência Nova')
    assert.include(mail.html, '<html lang="pt-BR">')
    const link = linkIn(mail, '/verify-email/')
    assert.isTrue(link.startsWith(`${appUrl}/verify-email/`))
    assert.include(mail.html, link, 'the HTML version carries the same link')

    const stored = await db.from('account_tokens').where('user_id', user.id).firstOrFail()
    assert.notInclude(link, stored.token_hash, 'only a hash of the token is stored')
    assert.lengthOf(stored.token_hash, 64)

    const verified = await client.get(pathOf(link)).redirects(0)
    verified.assertStatus(302)
    verified.assertHeader('location', route('session.create'))
    verified.assertFlashMessage('success', 'E-mail confirmado. Obrigado!')
    await user.refresh()
    assert.isNotNull(user.emailVerifiedAt)

    /** Single use: the same link a second time is refused. */
    const again = await asInertia(client.get(pathOf(link)))
    again.assertStatus(200)
    assert.equal(again.body().component, 'auth/link_invalid')
  })

  test('the e-mail is in the language of the page the sign-up came from', async ({
    client,
    assert,
  }) => {
    await withLocale(client.post(route('signup.store')).form(signUp()), 'en')
      .withCsrfToken()
      .redirects(0)
    const mail = await catcher.waitFor('ana@agencia-nova.test')
    assert.equal(mail.subject, 'Confirm your e-mail on Funil Digital')
    assert.include(mail.html, '<html lang="en">')
    assert.include(mail.text, 'Confirm e-mail: http')
    assert.equal((await User.findByOrFail('email', 'ana@agencia-nova.test')).locale, 'en')
  })

  test('an address that already has an account: same answer, nothing created, its owner is told', async ({
    client,
    assert,
  }) => {
    const { owner } = await createTenant()
    const before = await db.from('agencies').count('* as total').first()

    const response = await client
      .post(route('signup.store'))
      .form(signUp({ email: owner.email.toUpperCase(), workspaceSlug: 'outra-loja' }))
      .withCsrfToken()
      .redirects(0)
    response.assertStatus(302)
    response.assertHeader('location', route('signup.sent'))

    const after = await db.from('agencies').count('* as total').first()
    assert.equal(after.total, before.total, 'no agency was created')
    assert.isNull(await Workspace.findBy('slug', 'outra-loja'))
    await owner.refresh()
    assert.notEqual(owner.name, 'Ana Souza', 'the existing account is untouched')

    const mail = await catcher.waitFor(owner.email)
    assert.equal(mail.subject, 'Alguém tentou criar uma conta com seu e-mail')
    assert.include(linkIn(mail, route('password.forgot')), route('password.forgot'))
    assert.notMatch(mail.text, /verify-email/)

    /** The page after it is the same as for a new address. */
    const sent = await asInertia(client.get(route('signup.sent')))
    assert.equal(sent.body().component, 'auth/check_email')
  })

  test('bad input gets field errors and creates nothing', async ({ client, assert }) => {
    await createTenant({ workspaceSlug: 'ja-existe' })
    const response = await client
      .post(route('signup.store'))
      .header('referer', route('signup.create'))
      .form(
        signUp({
          email: 'not-an-email',
          password: 'curta',
          passwordConfirmation: 'outra',
          agencyName: '',
          workspaceSlug: 'ja-existe',
        })
      )
      .withCsrfToken()
      .redirects(0)
    response.assertStatus(302)
    response.assertHeader('location', route('signup.create'))
    const errors = response.flashMessages().inputErrorsBag as Record<string, string[]>
    assert.properties(errors, ['email', 'password', 'agencyName', 'workspaceSlug'])
    assert.notProperty(response.flashMessages(), 'password', 'passwords are not flashed back')
    assert.notProperty(response.flashMessages(), 'passwordConfirmation')
    assert.equal(response.flashMessages().name, 'Ana Souza', 'other fields are')
    assert.isNull(await User.findBy('email', 'not-an-email'))

    const reserved = await client
      .post(route('signup.store'))
      .header('referer', route('signup.create'))
      .form(signUp({ workspaceSlug: 'admin' }))
      .withCsrfToken()
      .redirects(0)
    assert.property(reserved.flashMessages().inputErrorsBag, 'workspaceSlug')

    const json = await client
      .post(route('signup.store'))
      .header('accept', 'application/json')
      .json(signUp({ email: '' }))
      .withCsrfToken()
    json.assertStatus(422)
    assert.equal(json.body().errors[0].field, 'email')
  })

  test('sign-ups are throttled per IP: the sixth within an hour creates nothing', async ({
    client,
    assert,
  }) => {
    for (let i = 1; i <= 5; i++) {
      const response = await client
        .post(route('signup.store'))
        .form(signUp({ email: `dono${i}@agencia.test`, workspaceSlug: `loja-${i}` }))
        .withCsrfToken()
        .redirects(0)
      response.assertHeader('location', route('signup.sent'))
    }
    const sixth = await client
      .post(route('signup.store'))
      .header('referer', route('signup.create'))
      .form(signUp({ email: 'dono6@agencia.test', workspaceSlug: 'loja-6' }))
      .withCsrfToken()
      .redirects(0)
    sixth.assertStatus(302)
    sixth.assertHeader('location', route('signup.create'))
    assert.match(String(sixth.flashMessages().error), /Muitas tentativas/)
    assert.isNull(await User.findBy('email', 'dono6@agencia.test'))
  })

  test('a verification link refuses expired, unknown, malformed and superseded tokens', async ({
    client,
    assert,
  }) => {
    await client.post(route('signup.store')).form(signUp()).withCsrfToken().redirects(0)
    const first = linkIn(await catcher.waitFor('ana@agencia-nova.test'), '/verify-email/')
    const user = await User.findByOrFail('email', 'ana@agencia-nova.test')

    /** "Reenviar" issues a new link: the first stops working. */
    const resend = await client
      .post(route('email.resend'))
      .header('referer', '/')
      .withCsrfToken()
      .loginAs(user)
      .redirects(0)
    resend.assertStatus(302)
    const second = linkIn(
      await catcher.waitFor('ana@agencia-nova.test', { count: 2 }),
      '/verify-email/'
    )
    assert.notEqual(first, second)
    const superseded = await asInertia(client.get(pathOf(first)))
    assert.equal(superseded.body().component, 'auth/link_invalid')

    await db
      .from('account_tokens')
      .where('user_id', user.id)
      .whereNull('used_at')
      .update({
        expires_at: DateTime.now().minus({ minutes: 1 }).toSQL(),
      })
    const expired = await asInertia(client.get(pathOf(second)))
    assert.equal(expired.body().component, 'auth/link_invalid')

    for (const path of [
      route('email.verify', { token: 'nao-existe-mas-tem-tamanho-ok' }),
      '/verify-email/%00%27',
    ]) {
      const response = await asInertia(client.get(path))
      response.assertStatus(200)
      assert.equal(response.body().component, 'auth/link_invalid')
    }
    await user.refresh()
    assert.isNull(user.emailVerifiedAt)
  })

  test('an unverified owner can sign in and sees the banner flag; verified accounts do not', async ({
    client,
    assert,
  }) => {
    await client.post(route('signup.store')).form(signUp()).withCsrfToken().redirects(0)
    const user = await User.findByOrFail('email', 'ana@agencia-nova.test')
    const page = await asInertia(client.get(route('workspaces.index')).loginAs(user))
    assert.isFalse(page.body().props.user.emailVerified)

    const { owner } = await createTenant()
    const other = await asInertia(client.get(route('workspaces.index')).loginAs(owner))
    assert.isTrue(other.body().props.user.emailVerified)
  })
})
