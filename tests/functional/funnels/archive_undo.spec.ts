import { test } from '@japa/runner'
import type { ApiClient } from '@japa/api-client'
import { freshDatabase } from '#tests/helpers/database'
import { asInertia } from '#tests/helpers/inertia'
import { createTenant } from '#tests/helpers/tenants'
import { FunnelFactory } from '#database/factories/funnel_factory'
import type User from '#models/user'
import { route } from '#tests/helpers/routes'

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
    const base = route('w.funnels.show', { workspaceSlug: workspace.slug, id: funnel.id })
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
      asInertia(
        client.get(route('w.funnels.index', { workspaceSlug: workspace.slug })).loginAs(owner)
      ).then((r) => r.body())
    assert.equal((await list()).props.archivedCount, 0)
    const funnel = await FunnelFactory.merge({ workspaceId: workspace.id }).create()
    await post(
      client,
      owner,
      route('w.funnels.archive', { workspaceSlug: workspace.slug, id: funnel.id })
    )
    const page = await list()
    assert.lengthOf(page.props.funnels.data, 0)
    assert.equal(page.props.archivedCount, 1)
    // Another workspace's archived funnels are not counted.
    const other = await createTenant()
    await FunnelFactory.merge({ workspaceId: other.workspace.id }).create()
    const theirs = await asInertia(
      client
        .get(route('w.funnels.index', { workspaceSlug: other.workspace.slug }))
        .loginAs(other.owner)
    )
    assert.equal(theirs.body().props.archivedCount, 0)
  })
})
