import { test } from '@japa/runner'
import type { ApiClient } from '@japa/api-client'
import { freshDatabase } from '#tests/helpers/database'
import { asInertia } from '#tests/helpers/inertia'
import { createTenant } from '#tests/helpers/tenants'
import { FunnelFactory } from '#database/factories/funnel_factory'
import type User from '#models/user'

function post(client: ApiClient, user: User, url: string) {
  return client.post(url).loginAs(user).redirects(0).withCsrfToken().header('referer', url)
}

test.group('Funnels: archive with undo, list of archived only', (group) => {
  freshDatabase(group)

  test('archiving answers a toast with "Desfazer" that unarchives it', async ({
    client,
    assert,
  }) => {
    const { owner, workspace } = await createTenant()
    const funnel = await FunnelFactory.merge({ workspaceId: workspace.id }).create()
    const base = `/w/${workspace.slug}/funnels/${funnel.id}`
    const archived = await post(client, owner, `${base}/archive`)
    archived.assertStatus(302)
    assert.equal(archived.flashMessages().success, 'Funil arquivado')
    assert.deepEqual(archived.flashMessages().undo, {
      url: `${base}/unarchive`,
      label: 'Desfazer',
    })
    await funnel.refresh()
    assert.isNotNull(funnel.archivedAt)
    const undone = await post(client, owner, `${base}/unarchive`)
    undone.assertStatus(302)
    await funnel.refresh()
    assert.isNull(funnel.archivedAt)
  })

  test('a list whose funnels are all archived says so instead of "no funnel yet"', async ({
    client,
    assert,
  }) => {
    const { owner, workspace } = await createTenant()
    const list = () =>
      asInertia(client.get(`/w/${workspace.slug}/funnels`).loginAs(owner)).then((r) => r.body())
    assert.equal((await list()).props.archivedCount, 0)
    const funnel = await FunnelFactory.merge({ workspaceId: workspace.id }).create()
    await post(client, owner, `/w/${workspace.slug}/funnels/${funnel.id}/archive`)
    const page = await list()
    assert.lengthOf(page.props.funnels.data, 0)
    assert.equal(page.props.archivedCount, 1)
    // Another workspace's archived funnels are not counted.
    const other = await createTenant()
    await FunnelFactory.merge({ workspaceId: other.workspace.id }).create()
    const theirs = await asInertia(
      client.get(`/w/${other.workspace.slug}/funnels`).loginAs(other.owner)
    )
    assert.equal(theirs.body().props.archivedCount, 0)
  })
})
