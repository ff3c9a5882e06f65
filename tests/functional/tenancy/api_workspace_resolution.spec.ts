import { test } from '@japa/runner'
import { freshDatabase } from '#tests/helpers/database'
import { apiToken, createTenant, randomSlug } from '#tests/helpers/tenants'
import { WorkspaceFactory } from '#database/factories/workspace_factory'
import { route } from '#tests/helpers/routes'

test.group('API tenancy: which workspace a request acts on', (group) => {
  freshDatabase(group)

  test('a workspace-bound token acts on its workspace', async ({ client, assert }) => {
    const { owner, workspace } = await createTenant()
    const token = await apiToken(owner, workspace)
    const response = await client.get(route('api.workspace.show')).bearerToken(token)
    response.assertStatus(200)
    assert.equal(response.body().workspace.id, workspace.id)
  })

  test('a bound token cannot be pointed at another workspace with X-Workspace (403)', async ({
    client,
  }) => {
    const { owner, agency, workspace } = await createTenant()
    const sibling = await WorkspaceFactory.merge({
      agencyId: agency.id,
      slug: randomSlug(),
    }).create()
    const token = await apiToken(owner, workspace)
    const response = await client
      .get(route('api.workspace.show'))
      .bearerToken(token)
      .header('x-workspace', String(sibling.id))
    response.assertStatus(403)
  })

  test('an agency-wide token needs X-Workspace (400) and accepts an id or a slug', async ({
    client,
    assert,
  }) => {
    const { owner, workspace } = await createTenant()
    const token = await apiToken(owner, null)

    const missing = await client.get(route('api.workspace.show')).bearerToken(token)
    missing.assertStatus(400)
    assert.equal(missing.body().errors[0].field, 'X-Workspace')

    const byId = await client
      .get(route('api.workspace.show'))
      .bearerToken(token)
      .header('x-workspace', String(workspace.id))
    assert.equal(byId.body().workspace.slug, workspace.slug)
    const bySlug = await client
      .get(route('api.workspace.show'))
      .bearerToken(token)
      .header('x-workspace', workspace.slug)
    assert.equal(bySlug.body().workspace.id, workspace.id)
  })

  test("another agency's workspace in X-Workspace is a 404", async ({ client }) => {
    const { owner } = await createTenant()
    const other = await createTenant()
    const token = await apiToken(owner, null)
    for (const key of [String(other.workspace.id), other.workspace.slug]) {
      const response = await client
        .get(route('api.workspace.show'))
        .bearerToken(token)
        .header('x-workspace', key)
      response.assertStatus(404)
    }
  })

  test('the admin session is not accepted by the API (bearer tokens only)', async ({ client }) => {
    const { owner, workspace } = await createTenant()
    const response = await client
      .get(route('api.workspace.show'))
      .header('x-workspace', workspace.slug)
      .loginAs(owner)
    response.assertStatus(401)
  })

  test('without credentials the API answers 401', async ({ client }) => {
    const { workspace } = await createTenant()
    const response = await client
      .get(route('api.workspace.show'))
      .header('x-workspace', workspace.slug)
    response.assertStatus(401)
  })
})
