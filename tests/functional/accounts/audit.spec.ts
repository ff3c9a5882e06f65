import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { freshDatabase } from '#tests/helpers/database'
import { asInertia } from '#tests/helpers/inertia'
import { agencyMember, apiToken, createTenant } from '#tests/helpers/tenants'
import { FACTORY_PASSWORD } from '#database/factories/user_factory'
import { BrowserSession } from '#tests/helpers/browser_session'
import { route } from '#tests/helpers/routes'

test.group('Accounts: activity log', (group) => {
  freshDatabase(group)

  test('successful changes through the API and the admin are recorded with who, what and IP; failures are not', async ({
    client,
    assert,
  }) => {
    const { owner, workspace } = await createTenant()
    const token = await apiToken(owner, workspace)

    const created = await client
      .post(route('api.funnels.store'))
      .bearerToken(token)
      .json({ name: 'Funil Auditado' })
    created.assertStatus(201)
    const invalid = await client
      .post(route('api.funnels.store'))
      .bearerToken(token)
      .json({ name: '' })
    invalid.assertStatus(422)
    await client
      .post(route('team.invite', { workspaceSlug: workspace.slug }))
      .json({ email: 'novo@time.test', role: 'editor' })
      .withCsrfToken()
      .loginAs(owner)
      .redirects(0)

    const rows = await db.from('audit_events').where('workspace_id', workspace.id).orderBy('id')
    assert.deepEqual(
      rows.map((row) => row.action),
      ['api.funnels.store', 'team.invite']
    )
    assert.equal(rows[0].user_id, owner.id)
    assert.equal(rows[0].method, 'POST')
    assert.equal(rows[0].ip, '127.0.0.1')
  })

  test('logins are recorded in the agencies of the user', async ({ client, assert }) => {
    const { agency, owner } = await createTenant()
    ;(
      await client
        .post(route('api.auth.login'))
        .json({ email: owner.email, password: FACTORY_PASSWORD })
    ).assertStatus(200)
    await new BrowserSession().login(owner.email, FACTORY_PASSWORD)
    const rows = await db.from('audit_events').where('agency_id', agency.id).orderBy('id')
    assert.sameMembers(
      rows.map((row) => row.action),
      ['api.auth.login', 'auth.login']
    )
  })

  test('the page lists and filters the workspace events for owners and admins only; another workspace is a 404', async ({
    client,
    assert,
  }) => {
    const { agency, owner, workspace } = await createTenant()
    const { owner: otherOwner, workspace: otherWorkspace } = await createTenant()
    await client
      .post(route('api.funnels.store'))
      .bearerToken(await apiToken(owner, workspace))
      .json({ name: 'Meu' })
    await client
      .post(route('api.funnels.store'))
      .bearerToken(await apiToken(otherOwner, otherWorkspace))
      .json({ name: 'Deles' })
    await client
      .post('/api/pixels')
      .bearerToken(await apiToken(owner, workspace))
      .json({})

    const page = await asInertia(
      client.get(route('audit.index', { workspaceSlug: workspace.slug })).loginAs(owner)
    )
    page.assertStatus(200)
    assert.equal(page.body().component, 'audit/index')
    const actions = page.body().props.events.map((e: { action: string }) => e.action)
    assert.deepEqual(actions, ['api.funnels.store'], "only this workspace's successful changes")

    const filtered = await asInertia(
      client
        .get(route('audit.index', { workspaceSlug: workspace.slug }, { qs: { action: 'pixels' } }))
        .loginAs(owner)
    )
    assert.lengthOf(filtered.body().props.events, 0)
    const byUser = await asInertia(
      client
        .get(
          `${route('audit.index', { workspaceSlug: workspace.slug })}?user=${encodeURIComponent(owner.email)}`
        )
        .loginAs(owner)
    )
    assert.lengthOf(byUser.body().props.events, 1)
    const badFilter = await client
      .get(route('audit.index', { workspaceSlug: workspace.slug }, { qs: { from: 'ontem' } }))
      .header('accept', 'application/json')
      .loginAs(owner)
    assert.oneOf(badFilter.status(), [302, 422])

    const editor = await agencyMember(agency, 'editor')
    ;(
      await client.get(route('audit.index', { workspaceSlug: workspace.slug })).loginAs(editor)
    ).assertStatus(403)
    ;(
      await client.get(route('audit.index', { workspaceSlug: otherWorkspace.slug })).loginAs(owner)
    ).assertStatus(404)
  })
})
