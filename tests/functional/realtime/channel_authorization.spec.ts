import { test } from '@japa/runner'
import { freshDatabase } from '#tests/helpers/database'
import { apiToken, createTenant, workspaceMember } from '#tests/helpers/tenants'
import { SseClient } from '#tests/helpers/sse_client'
import { serverUrl } from '#tests/helpers/server'
import { FunnelFactory } from '#database/factories/funnel_factory'
import { WorkspaceFactory } from '#database/factories/workspace_factory'
import { broadcastToWorkspace } from '#services/realtime'

test.group('Real time: who may subscribe to a workspace channel', (group) => {
  freshDatabase(group)

  let clients: SseClient[] = []
  group.each.teardown(() => {
    clients.forEach((c) => c.close())
    clients = []
  })

  async function connect(headers: Record<string, string> = {}) {
    const client = new SseClient(serverUrl(), headers)
    clients.push(client)
    await client.connect()
    return client
  }

  test('a member subscribes to its workspace and its funnels', async ({ assert }) => {
    const { owner, workspace } = await createTenant()
    const funnel = await FunnelFactory.merge({ workspaceId: workspace.id }).create()
    const sse = await connect({ authorization: `Bearer ${await apiToken(owner, null)}` })
    assert.equal(await sse.subscribe(`workspaces/${workspace.id}`), 204)
    assert.equal(await sse.subscribe(`workspaces/${workspace.id}/funnels/${funnel.id}`), 204)

    broadcastToWorkspace(workspace.id, 'visitor_online', { visitorId: 'abc' }, funnel.id)
    /** Other test servers on the same Redis broadcast too (pub/sub ignores the db): match ours. */
    const message = await sse.waitFor(
      (m) => m.channel === `workspaces/${workspace.id}` && m.payload.visitorId === 'abc'
    )
    assert.equal(message.payload.event, 'visitor_online')
  })

  test('a client login subscribes to its own workspace only', async ({ assert }) => {
    const { workspace, agency } = await createTenant()
    const viewer = await workspaceMember(workspace, 'viewer')
    const sibling = await WorkspaceFactory.merge({ agencyId: agency.id }).create()
    const sse = await connect({ authorization: `Bearer ${await apiToken(viewer, null)}` })
    assert.equal(await sse.subscribe(`workspaces/${workspace.id}`), 204)
    assert.equal(await sse.subscribe(`workspaces/${sibling.id}`), 400)
  })

  test('a member of another workspace cannot subscribe, nor to its funnels', async ({ assert }) => {
    const { workspace } = await createTenant()
    const funnel = await FunnelFactory.merge({ workspaceId: workspace.id }).create()
    const intruder = await createTenant()
    const sse = await connect({ authorization: `Bearer ${await apiToken(intruder.owner, null)}` })
    assert.equal(await sse.subscribe(`workspaces/${workspace.id}`), 400)
    assert.equal(await sse.subscribe(`workspaces/${workspace.id}/funnels/${funnel.id}`), 400)
    // Its own workspace id with someone else's funnel id is refused too.
    assert.equal(
      await sse.subscribe(`workspaces/${intruder.workspace.id}/funnels/${funnel.id}`),
      400
    )
  })

  test('an anonymous client cannot open a stream, subscribe, or hear anything', async ({
    assert,
  }) => {
    const { workspace, owner } = await createTenant()
    await assert.rejects(() => connect(), /SSE 401/)
    const sse = await connect({ authorization: `Bearer ${await apiToken(owner, null)}` })
    const anonymous = new SseClient(serverUrl())
    anonymous.uid = sse.uid
    assert.notEqual(await anonymous.subscribe(`workspaces/${workspace.id}`), 204)
    broadcastToWorkspace(workspace.id, 'new_payment', { paymentId: 'x' })
    await assert.rejects(
      () => sse.waitFor((m) => m.channel === `workspaces/${workspace.id}`, 500),
      /Timed out/
    )
  })
})
