import { test } from '@japa/runner'
import * as OTPAuth from 'otpauth'
import db from '@adonisjs/lucid/services/db'
import type User from '#models/user'
import { freshDatabase } from '#tests/helpers/database'
import { asInertia } from '#tests/helpers/inertia'
import { agencyMember, apiToken, createTenant } from '#tests/helpers/tenants'
import { BrowserSession } from '#tests/helpers/browser_session'
import { FACTORY_PASSWORD } from '#database/factories/user_factory'
import { route } from '#tests/helpers/routes'

const codeFor = (secret: string, offset = 0) =>
  new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(secret) }).generate({
    timestamp: Date.now() + offset,
  })

/** Enrols the user as the profile pages do; returns the secret and the recovery codes. */
async function enrol(client: any, user: User) {
  const setup = await asInertia(client.get(route('two_factor.setup')).loginAs(user))
  const secret = setup.body().props.secret as string
  const confirmed = await client
    .post(route('two_factor.confirm'))
    .header('referer', route('two_factor.setup'))
    .form({ code: codeFor(secret) })
    .withCsrfToken()
    .loginAs(user)
    .redirects(0)
  return { secret, codes: confirmed.flashMessages().recoveryCodes as string[], confirmed }
}

/** Password step through the real form; returns the browser and where it was sent. */
async function passwordStep(email: string) {
  const browser = new BrowserSession()
  await browser.request(route('session.create'))
  const response = await browser.post(
    route('session.store'),
    { email, password: FACTORY_PASSWORD },
    { 'x-xsrf-token': browser.xsrfToken! }
  )
  return { browser, location: response.headers.get('location') }
}

function codeStep(browser: BrowserSession, code: string) {
  return browser.post(route('two_factor.verify'), { code }, { 'x-xsrf-token': browser.xsrfToken! })
}

test.group('Accounts: two-step verification', (group) => {
  freshDatabase(group)

  test('enrolment needs a right first code and shows recovery codes once; the secret is stored encrypted', async ({
    client,
    assert,
  }) => {
    const { owner } = await createTenant()
    const setup = await asInertia(client.get(route('two_factor.setup')).loginAs(owner))
    assert.equal(setup.body().component, 'profile/two_factor')
    assert.match(setup.body().props.qr, /^data:image\/png;base64,/)
    const secret = setup.body().props.secret as string

    const wrong = await client
      .post(route('two_factor.confirm'))
      .header('accept', 'application/json')
      .json({ code: '000000' })
      .withCsrfToken()
      .loginAs(owner)
    wrong.assertStatus(422)
    assert.equal(wrong.body().errors[0].field, 'code')

    const right = await client
      .post(route('two_factor.confirm'))
      .header('referer', route('two_factor.setup'))
      .form({ code: codeFor(secret) })
      .withCsrfToken()
      .loginAs(owner)
      .redirects(0)
    right.assertStatus(302)
    const codes = right.flashMessages().recoveryCodes as string[]
    assert.lengthOf(codes, 8)

    const row = await db.from('users').where('id', owner.id).first()
    assert.notInclude(row.two_factor_secret, secret)
    assert.notInclude(JSON.stringify(row.two_factor_recovery_codes), codes[0])
    const profile = await asInertia(client.get(route('profile.show')).loginAs(owner))
    assert.isTrue(profile.body().props.twoFactor.enabled)
    assert.isNull(profile.body().props.twoFactor.recoveryCodes)
  })

  test('login: the password alone does not sign in; a wrong code is refused, the right one signs in', async ({
    client,
    assert,
  }) => {
    const { owner } = await createTenant()
    const { secret } = await enrol(client, owner)

    const { browser, location } = await passwordStep(owner.email)
    assert.equal(location, route('two_factor.challenge'))
    assert.isFalse(await browser.isSignedIn(), 'the password step alone is not a session')

    const wrong = await codeStep(browser, '123456')
    assert.equal(wrong.status, 422)
    assert.isFalse(await browser.isSignedIn())

    const right = await codeStep(browser, codeFor(secret))
    assert.equal(right.status, 302)
    assert.isTrue(await browser.isSignedIn())

    /** Without a password step, the code page sends back to the login. */
    const stranger = new BrowserSession()
    await stranger.request(route('session.create'))
    const skipped = await codeStep(stranger, codeFor(secret))
    assert.equal(skipped.headers.get('location'), route('session.create'))
    assert.isFalse(await stranger.isSignedIn())
  })

  test('a recovery code works once; five wrong codes lock the step even for the right code', async ({
    client,
    assert,
  }) => {
    const { owner } = await createTenant()
    const { secret, codes } = await enrol(client, owner)

    const first = await passwordStep(owner.email)
    assert.equal((await codeStep(first.browser, codes[0].toUpperCase())).status, 302)
    assert.isTrue(await first.browser.isSignedIn())
    const second = await passwordStep(owner.email)
    assert.equal((await codeStep(second.browser, codes[0])).status, 422, 'used once')

    const third = await passwordStep(owner.email)
    /** Five wrong codes (the reused recovery code above counted as one) lock the account's step. */
    for (let i = 0; i < 5; i++) await codeStep(third.browser, '000000')
    const locked = await codeStep(third.browser, codeFor(secret))
    assert.equal(locked.status, 422)
    const body = (await locked.json()) as { errors: Array<{ rule: string }> }
    assert.equal(body.errors[0].rule, 'locked')
    assert.isFalse(await third.browser.isSignedIn())
  })

  test('API login asks for the code (otp) of an account with two-step on', async ({
    client,
    assert,
  }) => {
    const { owner } = await createTenant()
    const { secret } = await enrol(client, owner)

    const missing = await client
      .post(route('api.auth.login'))
      .json({ email: owner.email, password: FACTORY_PASSWORD })
    missing.assertStatus(401)
    assert.equal(missing.body().errors[0].rule, 'otp_required')
    const wrong = await client
      .post(route('api.auth.login'))
      .json({ email: owner.email, password: FACTORY_PASSWORD, otp: '000000' })
    wrong.assertStatus(401)
    assert.equal(wrong.body().errors[0].rule, 'otp_invalid')
    const right = await client
      .post(route('api.auth.login'))
      .json({ email: owner.email, password: FACTORY_PASSWORD, otp: codeFor(secret) })
    right.assertStatus(200)

    /** Accounts without it are unaffected. */
    const { owner: plain } = await createTenant()
    ;(
      await client
        .post(route('api.auth.login'))
        .json({ email: plain.email, password: FACTORY_PASSWORD })
    ).assertStatus(200)
  })

  test('turning it off needs the current password', async ({ client, assert }) => {
    const { owner } = await createTenant()
    await enrol(client, owner)
    const wrong = await client
      .delete(route('two_factor.destroy'))
      .header('accept', 'application/json')
      .json({ currentPassword: 'errada' })
      .withCsrfToken()
      .loginAs(owner)
    wrong.assertStatus(422)
    const off = await client
      .delete(route('two_factor.destroy'))
      .header('referer', route('profile.show'))
      .json({ currentPassword: FACTORY_PASSWORD })
      .withCsrfToken()
      .loginAs(owner)
      .redirects(0)
    off.assertStatus(302)
    const { location } = await passwordStep(owner.email)
    assert.equal(location, '/')
  })

  test('an owner can require it of the agency: members without it are sent to enrol, their API tokens get 403', async ({
    client,
    assert,
  }) => {
    const { agency, owner, workspace } = await createTenant()
    const editor = await agencyMember(agency, 'editor')
    const token = await apiToken(editor, workspace)

    const byEditor = await client
      .put(route('team.two_factor', { workspaceSlug: workspace.slug }))
      .json({ required: true })
      .withCsrfToken()
      .loginAs(editor)
    byEditor.assertStatus(403)

    await enrol(client, owner)
    const required = await client
      .put(route('team.two_factor', { workspaceSlug: workspace.slug }))
      .header('referer', route('team.index', { workspaceSlug: workspace.slug }))
      .json({ required: true })
      .withCsrfToken()
      .loginAs(owner)
      .redirects(0)
    required.assertStatus(302)

    const page = await client
      .get(route('w.dashboard', { workspaceSlug: workspace.slug }))
      .loginAs(editor)
      .redirects(0)
    page.assertStatus(302)
    page.assertHeader('location', route('two_factor.setup'))
    const api = await client.get(route('api.workspace.show')).bearerToken(token)
    api.assertStatus(403)
    assert.equal(api.body().errors[0].rule, 'two_factor_required')

    const ownerPage = await client
      .get(route('w.dashboard', { workspaceSlug: workspace.slug }))
      .loginAs(owner)
      .redirects(0)
    ownerPage.assertStatus(200)

    await enrol(client, editor)
    ;(await client.get(route('api.workspace.show')).bearerToken(token)).assertStatus(200)
  })
})
