import { test } from '@japa/runner'
import { randomUUID } from 'node:crypto'
import { DateTime } from 'luxon'
import { freshDatabase } from '#tests/helpers/database'
import { apiToken, createTenant, workspaceMember } from '#tests/helpers/tenants'
import { FunnelFactory } from '#database/factories/funnel_factory'
import { FunnelStepFactory } from '#database/factories/funnel_step_factory'
import { VisitorFactory } from '#database/factories/visitor_factory'
import { VisitorEventFactory } from '#database/factories/visitor_event_factory'
import { route } from '#tests/helpers/routes'

async function seeded() {
  const tenant = await createTenant()
  const funnel = await FunnelFactory.merge({ workspaceId: tenant.workspace.id }).create()
  const step = await FunnelStepFactory.merge({
    workspaceId: tenant.workspace.id,
    funnelId: funnel.id,
  }).create()
  const online = await VisitorFactory.merge({
    workspaceId: tenant.workspace.id,
    funnelId: funnel.id,
    currentStepId: step.id,
  }).create()
  const offline = await VisitorFactory.merge({
    workspaceId: tenant.workspace.id,
    isOnline: false,
    lastActivity: DateTime.now().minus({ days: 3 }),
    firstVisit: DateTime.now().minus({ days: 3 }),
  }).create()
  await online.refresh()
  await offline.refresh()
  return {
    ...tenant,
    funnel,
    step,
    online,
    offline,
    token: await apiToken(tenant.owner, tenant.workspace),
  }
}

test.group('API: GET /api/visitors', (group) => {
  freshDatabase(group)

  test('lists online visitors by default, with attribution and pagination meta', async ({
    client,
    assert,
  }) => {
    const { token, online } = await seeded()
    const response = await client.get(route('api.visitors.index')).bearerToken(token)
    response.assertStatus(200)
    assert.deepEqual(
      response.body().data.map((v: any) => v.id),
      [online.publicId]
    )
    assert.equal(response.body().data[0].attribution.utmSource, 'facebook')
    assert.notProperty(response.body().data[0], 'sessionId')
    assert.deepEqual(response.body().meta, { total: 1, perPage: 25, currentPage: 1, lastPage: 1 })
  })

  test('filters by status, funnel, step and period', async ({ client, assert }) => {
    const { token, online, offline, funnel, step } = await seeded()
    const all = await client
      .get(route('api.visitors.index'))
      .qs({ status: 'all' })
      .bearerToken(token)
    assert.lengthOf(all.body().data, 2)
    const off = await client
      .get(route('api.visitors.index'))
      .qs({ status: 'offline' })
      .bearerToken(token)
    assert.deepEqual(
      off.body().data.map((v: any) => v.id),
      [offline.publicId]
    )
    const byFunnel = await client
      .get(route('api.visitors.index'))
      .qs({ status: 'all', funnelId: funnel.id, stepId: step.id })
      .bearerToken(token)
    assert.deepEqual(
      byFunnel.body().data.map((v: any) => v.id),
      [online.publicId]
    )
    const recent = await client
      .get(route('api.visitors.index'))
      .qs({ status: 'all', from: DateTime.now().minus({ days: 1 }).toISODate() })
      .bearerToken(token)
    assert.deepEqual(
      recent.body().data.map((v: any) => v.id),
      [online.publicId]
    )
  })

  test('bad filters are a 422 with field errors', async ({ client, assert }) => {
    const { token } = await seeded()
    const response = await client
      .get(route('api.visitors.index'))
      .qs({ status: 'sleeping', perPage: 1000 })
      .bearerToken(token)
    response.assertStatus(422)
    assert.includeMembers(
      response.body().errors.map((e: any) => e.field),
      ['status', 'perPage']
    )
  })

  test("never lists another workspace's visitors; viewers may read", async ({ client, assert }) => {
    const { workspace } = await seeded()
    const other = await createTenant()
    await VisitorFactory.merge({ workspaceId: other.workspace.id }).create()
    const viewer = await workspaceMember(workspace, 'viewer')
    const response = await client
      .get(route('api.visitors.index'))
      .qs({ status: 'all' })
      .bearerToken(await apiToken(viewer, workspace))
    response.assertStatus(200)
    assert.lengthOf(response.body().data, 2)
  })
})

test.group('API: GET /api/visitors/:id/events', (group) => {
  freshDatabase(group)

  test("returns a visitor's events newest first, by public id or numeric id", async ({
    client,
    assert,
  }) => {
    const { token, online, workspace, funnel, step } = await seeded()
    for (const [type, minutesAgo] of [
      ['page_view', 5],
      ['form_submit', 3],
      ['checkout_view', 1],
    ] as const) {
      await VisitorEventFactory.merge({
        workspaceId: workspace.id,
        visitorId: online.id,
        funnelId: funnel.id,
        stepId: step.id,
        eventType: type,
        eventId: randomUUID(),
        createdAt: DateTime.now().minus({ minutes: minutesAgo }),
      }).create()
    }
    for (const key of [online.publicId, String(online.id)]) {
      const response = await client
        .get(route('api.visitors.events', { id: key }))
        .bearerToken(token)
      response.assertStatus(200)
      assert.equal(response.body().visitor.id, online.publicId)
      assert.deepEqual(
        response.body().data.map((e: any) => e.type),
        ['checkout_view', 'form_submit', 'page_view']
      )
      assert.equal(response.body().meta.total, 3)
    }
  })

  test("another workspace's visitor is a 404, by either id", async ({ client }) => {
    const { token } = await seeded()
    const other = await createTenant()
    const stranger = await VisitorFactory.merge({ workspaceId: other.workspace.id }).create()
    await stranger.refresh()
    for (const key of [stranger.publicId, String(stranger.id), 'not-an-id']) {
      const response = await client
        .get(route('api.visitors.events', { id: key }))
        .bearerToken(token)
      response.assertStatus(404)
    }
  })
})
