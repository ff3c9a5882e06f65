import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import { freshDatabase } from '#tests/helpers/database'
import { asInertia } from '#tests/helpers/inertia'
import { agencyMember, createTenant, workspaceMember } from '#tests/helpers/tenants'
import Workspace from '#models/workspace'
import { route } from '#tests/helpers/routes'

/** The shell's own pages under /w/:workspaceSlug; feature pages have their own tests. */
const WORKSPACE_PAGES = [
  ['dashboard', 'dashboard'],
  ['visitors', 'visitors/index'],
  ['payments', 'payments/index'],
  ['settings', 'settings/index'],
] as const

test.group('Admin tenancy: workspace pages', (group) => {
  freshDatabase(group)

  test('a member opens every page of its workspace', async ({ client, assert }) => {
    const { owner, workspace } = await createTenant()
    for (const [path, component] of WORKSPACE_PAGES) {
      const response = await asInertia(client.get(`/w/${workspace.slug}/${path}`).loginAs(owner))
      response.assertStatus(200)
      assert.equal(response.body().component, component)
      assert.equal(response.body().props.workspace.slug, workspace.slug)
    }
  })

  test("another workspace's pages are a 404 on every route", async ({ client }) => {
    const { owner } = await createTenant()
    const other = await createTenant()
    for (const [path] of WORKSPACE_PAGES) {
      const response = await asInertia(
        client.get(`/w/${other.workspace.slug}/${path}`).loginAs(owner)
      )
      response.assertStatus(404)
    }
  })

  test('guests are sent to the login page', async ({ client }) => {
    const { workspace } = await createTenant()
    const response = await client
      .get(route('w.dashboard', { workspaceSlug: workspace.slug }))
      .redirects(0)
    response.assertStatus(302)
    response.assertHeader('location', route('session.create'))
  })

  test('a client login sees only its own workspace', async ({ client, assert }) => {
    const { agency, workspace } = await createTenant()
    const sibling = await Workspace.create({
      agencyId: agency.id,
      name: 'Outro cliente',
      slug: `outro-${workspace.id}`,
      timezone: 'America/Sao_Paulo',
      settings: {},
      webhookToken: `tok-${workspace.id}-x`,
    })
    const clientLogin = await workspaceMember(workspace, 'viewer')

    const own = await asInertia(
      client.get(route('w.dashboard', { workspaceSlug: workspace.slug })).loginAs(clientLogin)
    )
    own.assertStatus(200)
    assert.deepEqual(
      own.body().props.workspaces.map((w: any) => w.slug),
      [workspace.slug]
    )
    assert.equal(own.body().props.workspace.role, 'viewer')
    assert.isFalse(own.body().props.workspace.can.write)

    const siblingPage = await asInertia(
      client.get(route('w.dashboard', { workspaceSlug: sibling.slug })).loginAs(clientLogin)
    )
    siblingPage.assertStatus(404)
  })

  test('an archived workspace is no longer served', async ({ client }) => {
    const { owner, workspace } = await createTenant()
    await workspace.merge({ archivedAt: DateTime.now() }).save()
    const response = await asInertia(
      client.get(route('w.dashboard', { workspaceSlug: workspace.slug })).loginAs(owner)
    )
    response.assertStatus(404)
  })

  test('shared props carry permissions per role', async ({ client, assert }) => {
    const { agency, workspace } = await createTenant()
    const expectations = [
      ['owner', true, true],
      ['admin', true, true],
      ['editor', true, false],
      ['viewer', false, false],
    ] as const
    for (const [role, write, manage] of expectations) {
      const user = await agencyMember(agency, role)
      const response = await asInertia(
        client.get(route('w.dashboard', { workspaceSlug: workspace.slug })).loginAs(user)
      )
      assert.deepEqual(response.body().props.workspace.can, { write, manage }, role)
    }
  })
})
