import { test } from '@japa/runner'
import { freshDatabase } from '#tests/helpers/database'
import { createTenant, randomSlug } from '#tests/helpers/tenants'
import { FACTORY_PASSWORD } from '#database/factories/user_factory'
import { WorkspaceFactory } from '#database/factories/workspace_factory'
import db from '@adonisjs/lucid/services/db'
import { route } from '#tests/helpers/routes'

test.group('API auth: login', (group) => {
  freshDatabase(group)

  test('issues a token bound to the workspace, usable on /api/auth/me', async ({
    client,
    assert,
  }) => {
    const { owner, workspace } = await createTenant()

    const login = await client
      .post(route('api.auth.login'))
      .json({ email: owner.email, password: FACTORY_PASSWORD, workspace: workspace.slug })
    login.assertStatus(200)
    assert.equal(login.body().type, 'bearer')
    assert.match(login.body().token, /^fd_/)
    assert.equal(login.body().workspace.id, workspace.id)
    assert.notProperty(login.body().user, 'password')

    const me = await client.get(route('api.auth.me')).bearerToken(login.body().token)
    me.assertStatus(200)
    assert.equal(me.body().user.email, owner.email)
    assert.equal(me.body().workspace.slug, workspace.slug)
    assert.equal(me.body().workspace.role, 'owner')

    const stored = await db.from('auth_access_tokens').where('tokenable_id', owner.id).first()
    assert.notInclude(stored.hash, login.body().token, 'only a hash of the token is stored')
  })

  test('e-mail is matched case-insensitively', async ({ client }) => {
    const { owner } = await createTenant()
    const response = await client
      .post(route('api.auth.login'))
      .json({ email: owner.email.toUpperCase(), password: FACTORY_PASSWORD })
    response.assertStatus(200)
  })

  test('wrong password is a 400 with a field error, never a 500', async ({ client, assert }) => {
    const { owner } = await createTenant()
    const response = await client
      .post(route('api.auth.login'))
      .json({ email: owner.email, password: 'wrong-password' })
    response.assertStatus(400)
    assert.deepEqual(response.body().errors, [
      { field: 'email', rule: 'invalid_credentials', message: 'E-mail ou senha incorretos' },
    ])
  })

  test('unknown e-mail gets the same answer as a wrong password', async ({ client, assert }) => {
    const response = await client
      .post(route('api.auth.login'))
      .json({ email: 'ninguem@example.com', password: 'whatever' })
    response.assertStatus(400)
    assert.equal(response.body().errors[0].rule, 'invalid_credentials')
  })

  test('missing fields are a 422 with pt-BR field errors', async ({ client, assert }) => {
    const response = await client.post(route('api.auth.login')).json({ email: 'not-an-email' })
    response.assertStatus(422)
    const fields = response.body().errors.map((e: any) => e.field)
    assert.includeMembers(fields, ['email', 'password'])
    const emailError = response.body().errors.find((e: any) => e.field === 'email')
    assert.equal(emailError.message, 'Informe um e-mail válido')
  })

  test('English messages when the client asks for English', async ({ client, assert }) => {
    const response = await client
      .post(route('api.auth.login'))
      .header('accept-language', 'en-US,en;q=0.9')
      .json({ email: 'a@b.com', password: 'nope' })
    response.assertStatus(400)
    assert.equal(response.body().errors[0].message, 'Wrong e-mail or password')
  })

  test('a workspace of another agency cannot be the token workspace (404)', async ({ client }) => {
    const { owner } = await createTenant()
    const other = await createTenant()
    const response = await client
      .post(route('api.auth.login'))
      .json({ email: owner.email, password: FACTORY_PASSWORD, workspace: other.workspace.id })
    response.assertStatus(404)
  })

  test('too many wrong passwords are throttled with 429', async ({ client, assert }) => {
    const { owner } = await createTenant()
    for (let attempt = 0; attempt < 5; attempt++) {
      const r = await client
        .post(route('api.auth.login'))
        .json({ email: owner.email, password: 'bad' })
      r.assertStatus(400)
    }
    const blocked = await client
      .post(route('api.auth.login'))
      .json({ email: owner.email, password: FACTORY_PASSWORD })
    blocked.assertStatus(429)
    assert.equal(blocked.body().errors[0].rule, 'too_many_attempts')
  })

  test('an inactive user cannot log in, and is told nothing more', async ({ client, assert }) => {
    const { owner } = await createTenant()
    owner.isActive = false
    await owner.save()
    const response = await client
      .post(route('api.auth.login'))
      .json({ email: owner.email, password: FACTORY_PASSWORD })
    response.assertStatus(400)
    assert.equal(response.body().errors[0].rule, 'invalid_credentials')
  })

  test('agency-wide token: the workspace comes from X-Workspace', async ({ client, assert }) => {
    const { owner, agency, workspace } = await createTenant()
    const second = await WorkspaceFactory.merge({
      agencyId: agency.id,
      slug: randomSlug(),
    }).create()
    const login = await client
      .post(route('api.auth.login'))
      .json({ email: owner.email, password: FACTORY_PASSWORD })
    assert.isNull(login.body().workspace)
    const me = await client.get(route('api.auth.me')).bearerToken(login.body().token)
    assert.sameMembers(
      me.body().workspaces.map((w: any) => w.slug),
      [workspace.slug, second.slug]
    )
  })
})

test.group('API auth: logout and me', (group) => {
  freshDatabase(group)

  test('logout revokes the token: it no longer authenticates', async ({ client, assert }) => {
    const { owner } = await createTenant()
    const login = await client
      .post(route('api.auth.login'))
      .json({ email: owner.email, password: FACTORY_PASSWORD })
    const token = login.body().token

    const logout = await client.post(route('api.auth.logout')).bearerToken(token)
    logout.assertStatus(200)
    assert.deepEqual(logout.body(), { revoked: true })

    const me = await client.get(route('api.auth.me')).bearerToken(token)
    me.assertStatus(401)
    assert.equal(me.body().errors[0].rule, 'unauthenticated')
  })

  test('logout revokes only the token used', async ({ client }) => {
    const { owner } = await createTenant()
    const first = await client
      .post(route('api.auth.login'))
      .json({ email: owner.email, password: FACTORY_PASSWORD })
    const second = await client
      .post(route('api.auth.login'))
      .json({ email: owner.email, password: FACTORY_PASSWORD })
    await client.post(route('api.auth.logout')).bearerToken(first.body().token)
    const me = await client.get(route('api.auth.me')).bearerToken(second.body().token)
    me.assertStatus(200)
  })

  test('/api/auth/me without a token is a JSON 401', async ({ client, assert }) => {
    const response = await client.get(route('api.auth.me'))
    response.assertStatus(401)
    assert.equal(response.body().errors[0].message, 'Faça login para continuar')
  })

  test('a forged token is a 401', async ({ client }) => {
    const response = await client.get(route('api.auth.me')).bearerToken('fd_MTIz.forged')
    response.assertStatus(401)
  })
})
