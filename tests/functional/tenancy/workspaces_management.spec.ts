import { test } from '@japa/runner'
import { freshDatabase } from '#tests/helpers/database'
import { asInertia } from '#tests/helpers/inertia'
import { agencyMember, createTenant, workspaceMember } from '#tests/helpers/tenants'
import Workspace from '#models/workspace'
import { route } from '#tests/helpers/routes'

test.group('Workspaces: create, rename, archive', (group) => {
  freshDatabase(group)

  test('an agency owner creates a workspace and lands on its dashboard', async ({
    client,
    assert,
  }) => {
    const { owner, agency } = await createTenant()
    const response = await client
      .post(route('workspaces.store'))
      .form({
        agencyId: agency.id,
        name: 'Clínica Sorriso',
        slug: 'clinica-sorriso',
        timezone: 'America/Manaus',
      })
      .withCsrfToken()
      .loginAs(owner)
      .redirects(0)
    response.assertStatus(302)
    response.assertHeader('location', route('w.dashboard', { workspaceSlug: 'clinica-sorriso' }))
    const created = await Workspace.findByOrFail('slug', 'clinica-sorriso')
    assert.equal(created.agencyId, agency.id)
    assert.equal(created.timezone, 'America/Manaus')
    assert.isAbove(created.webhookToken.length, 20)
  })

  test('a taken or malformed slug is refused with field errors', async ({ client, assert }) => {
    const { owner, agency, workspace } = await createTenant()
    for (const slug of [workspace.slug, 'Com Espaço', '-hifen', 'www']) {
      const response = await client
        .post(route('workspaces.store'))
        .header('referer', route('workspaces.index'))
        .form({ agencyId: agency.id, name: 'Qualquer', slug })
        .withCsrfToken()
        .loginAs(owner)
        .redirects(0)
      response.assertStatus(302)
      assert.property(response.flashMessages().inputErrorsBag, 'slug', slug)
    }
    assert.lengthOf(await Workspace.query().where('agency_id', agency.id), 1)
  })

  test('editors and viewers of the agency cannot create workspaces (403)', async ({ client }) => {
    const { agency } = await createTenant()
    for (const role of ['editor', 'viewer'] as const) {
      const user = await agencyMember(agency, role)
      const response = await client
        .post(route('workspaces.store'))
        .form({ agencyId: agency.id, name: 'Novo', slug: `novo-${role}` })
        .withCsrfToken()
        .loginAs(user)
        .redirects(0)
      response.assertStatus(403)
    }
  })

  test("another agency's id is a 404 when creating", async ({ client }) => {
    const { owner } = await createTenant()
    const other = await createTenant()
    const response = await client
      .post(route('workspaces.store'))
      .form({ agencyId: other.agency.id, name: 'Intruso', slug: 'intruso' })
      .withCsrfToken()
      .loginAs(owner)
      .redirects(0)
    response.assertStatus(404)
  })

  test('an admin renames a workspace and sets its time zone and domain', async ({
    client,
    assert,
  }) => {
    const { agency, workspace } = await createTenant()
    const admin = await agencyMember(agency, 'admin')
    const response = await client
      .put(route('workspaces.update', { id: workspace.id }))
      .header('referer', route('w.settings', { workspaceSlug: workspace.slug }))
      .form({
        name: 'Novo Nome',
        timezone: 'America/Recife',
        customDomain: 'Pagina.Cliente.com.br',
      })
      .withCsrfToken()
      .loginAs(admin)
      .redirects(0)
    response.assertStatus(302)
    await workspace.refresh()
    assert.equal(workspace.name, 'Novo Nome')
    assert.equal(workspace.timezone, 'America/Recife')
    assert.equal(workspace.customDomain, 'pagina.cliente.com.br')
  })

  test('an invalid time zone is a field error', async ({ client, assert }) => {
    const { owner, workspace } = await createTenant()
    const response = await client
      .put(route('workspaces.update', { id: workspace.id }))
      .header('referer', route('w.settings', { workspaceSlug: workspace.slug }))
      .form({ name: 'Nome', timezone: 'Mars/Olympus' })
      .withCsrfToken()
      .loginAs(owner)
      .redirects(0)
    assert.property(response.flashMessages().inputErrorsBag, 'timezone')
  })

  test('editors, viewers and client logins cannot rename or archive (403)', async ({ client }) => {
    const { agency, workspace } = await createTenant()
    const users = [
      await agencyMember(agency, 'editor'),
      await agencyMember(agency, 'viewer'),
      await workspaceMember(workspace, 'editor'),
    ]
    for (const user of users) {
      const rename = await client
        .put(route('workspaces.update', { id: workspace.id }))
        .form({ name: 'Hack', timezone: 'UTC' })
        .withCsrfToken()
        .loginAs(user)
        .redirects(0)
      rename.assertStatus(403)
      const archive = await client
        .post(route('workspaces.archive', { id: workspace.id }))
        .withCsrfToken()
        .loginAs(user)
        .redirects(0)
      archive.assertStatus(403)
    }
  })

  test("another agency's workspace is a 404 for rename and archive", async ({ client, assert }) => {
    const { owner } = await createTenant()
    const other = await createTenant()
    const rename = await client
      .put(route('workspaces.update', { id: other.workspace.id }))
      .form({ name: 'Hack', timezone: 'UTC' })
      .withCsrfToken()
      .loginAs(owner)
      .redirects(0)
    rename.assertStatus(404)
    const archive = await client
      .post(route('workspaces.archive', { id: other.workspace.id }))
      .withCsrfToken()
      .loginAs(owner)
      .redirects(0)
    archive.assertStatus(404)
    await other.workspace.refresh()
    assert.isNull(other.workspace.archivedAt)
  })

  test('the owner archives a workspace: data kept, hidden from the switcher', async ({
    client,
    assert,
  }) => {
    const { owner, workspace } = await createTenant()
    const response = await client
      .post(route('workspaces.archive', { id: workspace.id }))
      .withCsrfToken()
      .loginAs(owner)
      .redirects(0)
    response.assertStatus(302)
    response.assertHeader('location', route('workspaces.index'))
    await workspace.refresh()
    assert.isNotNull(workspace.archivedAt)

    const list = await asInertia(client.get(route('workspaces.index')).loginAs(owner))
    assert.deepEqual(list.body().props.workspaces, [])
    const agencies = list.body().props.agencies
    assert.equal(agencies[0].workspaces[0].slug, workspace.slug)
    assert.isNotNull(agencies[0].workspaces[0].archivedAt)
  })

  test('a request without the CSRF token is refused', async ({ client, assert }) => {
    const { owner, agency } = await createTenant()
    const response = await client
      .post(route('workspaces.store'))
      .form({ agencyId: agency.id, name: 'Sem token', slug: 'sem-token' })
      .loginAs(owner)
      .redirects(0)
    response.assertStatus(302)
    assert.isNull(await Workspace.findBy('slug', 'sem-token'))
  })
})
