import { test } from '@japa/runner'
import { randomUUID } from 'node:crypto'
import { DateTime } from 'luxon'
import { freshDatabase } from '#tests/helpers/database'
import { asInertia } from '#tests/helpers/inertia'
import { createTenant, workspaceMember } from '#tests/helpers/tenants'
import { FunnelFactory } from '#database/factories/funnel_factory'
import { FunnelStepFactory } from '#database/factories/funnel_step_factory'
import { VisitorFactory } from '#database/factories/visitor_factory'
import { VisitorEventFactory } from '#database/factories/visitor_event_factory'
import { deviceFromUserAgent } from '#services/user_agent'
import type Workspace from '#models/workspace'
import { route } from '#tests/helpers/routes'

const IPHONE =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1'
const WINDOWS =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36'

async function seeded(workspace: Workspace) {
  const funnel = await FunnelFactory.merge({
    workspaceId: workspace.id,
    name: 'Lançamento',
  }).create()
  const step = await FunnelStepFactory.merge({
    workspaceId: workspace.id,
    funnelId: funnel.id,
    name: 'Captura',
  }).create()
  const online = await VisitorFactory.merge({
    workspaceId: workspace.id,
    funnelId: funnel.id,
    currentStepId: step.id,
    userAgent: IPHONE,
  }).create()
  const offline = await VisitorFactory.merge({
    workspaceId: workspace.id,
    isOnline: false,
    userAgent: WINDOWS,
    lastActivity: DateTime.now().minus({ days: 3 }),
    firstVisit: DateTime.now().minus({ days: 3 }),
  }).create()
  await online.refresh()
  await offline.refresh()
  const entered = DateTime.now().minus({ minutes: 2 }).startOf('second')
  for (const [type, at] of [
    ['page_view', DateTime.now().minus({ minutes: 5 })],
    ['form_submit', DateTime.now().minus({ minutes: 3 })],
    ['checkout_view', entered],
    ['heartbeat', DateTime.now().minus({ minutes: 1 })],
  ] as const) {
    await VisitorEventFactory.merge({
      workspaceId: workspace.id,
      visitorId: online.id,
      funnelId: funnel.id,
      stepId: step.id,
      eventType: type,
      eventId: randomUUID(),
      createdAt: at,
    }).create()
  }
  return { funnel, step, online, offline, entered }
}

test.group('Admin visitors: list and timeline', (group) => {
  freshDatabase(group)

  test('online by default, with step, source, device and the time the step began', async ({
    client,
    assert,
  }) => {
    const { owner, workspace } = await createTenant()
    const { online, funnel, step, entered } = await seeded(workspace)
    const response = await asInertia(
      client.get(route('w.visitors.index', { workspaceSlug: workspace.slug })).loginAs(owner)
    )
    response.assertStatus(200)
    assert.equal(response.body().component, 'visitors/index')
    const props = response.body().props
    assert.equal(props.filters.status, 'online')
    assert.deepEqual(
      props.visitors.data.map((v: any) => v.id),
      [online.publicId]
    )
    const row = props.visitors.data[0]
    assert.equal(row.funnelName, 'Lançamento')
    assert.equal(row.stepName, 'Captura')
    assert.equal(row.attribution.utmSource, 'facebook')
    assert.deepEqual(row.device, { kind: 'mobile', os: 'iOS' })
    assert.equal(DateTime.fromISO(row.stepEnteredAt).toMillis(), entered.toMillis())
    assert.notProperty(row, 'sessionId')
    assert.deepEqual(props.funnels, [
      { id: funnel.id, name: 'Lançamento', steps: [{ id: step.id, name: 'Captura' }] },
    ])
  })

  test('all visitors, then filtered by funnel, step and period', async ({ client, assert }) => {
    const { owner, workspace } = await createTenant()
    const { online, offline, funnel, step } = await seeded(workspace)
    const base = route('w.visitors.index', { workspaceSlug: workspace.slug })
    const all = await asInertia(client.get(`${base}?status=all`).loginAs(owner))
    assert.deepEqual(
      all.body().props.visitors.data.map((v: any) => v.id),
      [online.publicId, offline.publicId]
    )
    assert.deepEqual(all.body().props.visitors.data[1].device, { kind: 'desktop', os: 'Windows' })
    const byStep = await asInertia(
      client.get(`${base}?status=all&funnelId=${funnel.id}&stepId=${step.id}`).loginAs(owner)
    )
    assert.deepEqual(
      byStep.body().props.visitors.data.map((v: any) => v.id),
      [online.publicId]
    )
    const fourDaysAgo = DateTime.now().minus({ days: 4 }).toISODate()
    const twoDaysAgo = DateTime.now().minus({ days: 2 }).toISODate()
    const old = await asInertia(
      client.get(`${base}?status=all&from=${fourDaysAgo}&to=${twoDaysAgo}`).loginAs(owner)
    )
    assert.deepEqual(
      old.body().props.visitors.data.map((v: any) => v.id),
      [offline.publicId]
    )
    assert.deepEqual(old.body().props.filters, {
      status: 'all',
      funnelId: null,
      stepId: null,
      from: fourDaysAgo,
      to: twoDaysAgo,
    })
  })

  test('bad filters fall back to the default list instead of an error page', async ({
    client,
    assert,
  }) => {
    const { owner, workspace } = await createTenant()
    const { online } = await seeded(workspace)
    const response = await asInertia(
      client
        .get(
          route(
            'w.visitors.index',
            { workspaceSlug: workspace.slug },
            { qs: { status: 'sleeping', perPage: '1000' } }
          )
        )
        .loginAs(owner)
    )
    response.assertStatus(200)
    assert.equal(response.body().props.filters.status, 'online')
    assert.deepEqual(
      response.body().props.visitors.data.map((v: any) => v.id),
      [online.publicId]
    )
  })

  test("a visitor's timeline, newest first, by public id", async ({ client, assert }) => {
    const { owner, workspace } = await createTenant()
    const { online } = await seeded(workspace)
    const response = await asInertia(
      client
        .get(route('w.visitors.show', { workspaceSlug: workspace.slug, id: online.publicId }))
        .loginAs(owner)
    )
    response.assertStatus(200)
    assert.equal(response.body().component, 'visitors/show')
    const props = response.body().props
    assert.equal(props.visitor.id, online.publicId)
    assert.deepEqual(
      props.events.data.map((e: any) => [e.type, e.stepName]),
      [
        ['heartbeat', 'Captura'],
        ['checkout_view', 'Captura'],
        ['form_submit', 'Captura'],
        ['page_view', 'Captura'],
      ]
    )
    assert.equal(props.events.meta.total, 4)
  })

  test("another workspace's visitors are never listed and their timeline is a 404", async ({
    client,
    assert,
  }) => {
    const { owner, workspace } = await createTenant()
    await seeded(workspace)
    const other = await createTenant()
    const { online: stranger } = await seeded(other.workspace)
    const list = await asInertia(
      client
        .get(
          route('w.visitors.index', { workspaceSlug: workspace.slug }, { qs: { status: 'all' } })
        )
        .loginAs(owner)
    )
    assert.notInclude(
      list.body().props.visitors.data.map((v: any) => v.id),
      stranger.publicId
    )
    assert.lengthOf(list.body().props.visitors.data, 2)
    for (const key of [stranger.publicId, String(stranger.id), 'nope']) {
      const response = await asInertia(
        client
          .get(route('w.visitors.show', { workspaceSlug: workspace.slug, id: key }))
          .loginAs(owner)
      )
      response.assertStatus(404)
    }
    const outsider = await asInertia(
      client.get(route('w.visitors.index', { workspaceSlug: other.workspace.slug })).loginAs(owner)
    )
    assert.oneOf(outsider.status(), [403, 404])
  })

  test('viewers read the list and the timeline', async ({ client, assert }) => {
    const { workspace } = await createTenant()
    const { online } = await seeded(workspace)
    const viewer = await workspaceMember(workspace, 'viewer')
    const list = await asInertia(
      client.get(route('w.visitors.index', { workspaceSlug: workspace.slug })).loginAs(viewer)
    )
    list.assertStatus(200)
    assert.lengthOf(list.body().props.visitors.data, 1)
    const show = await asInertia(
      client
        .get(route('w.visitors.show', { workspaceSlug: workspace.slug, id: online.publicId }))
        .loginAs(viewer)
    )
    show.assertStatus(200)
    assert.equal(show.body().props.visitor.id, online.publicId)
  })
})

test.group('Device from the user agent', () => {
  test('reads kind and system', ({ assert }) => {
    assert.deepEqual(deviceFromUserAgent(IPHONE), { kind: 'mobile', os: 'iOS' })
    assert.deepEqual(deviceFromUserAgent(WINDOWS), { kind: 'desktop', os: 'Windows' })
    assert.deepEqual(
      deviceFromUserAgent('Mozilla/5.0 (Linux; Android 14; SM-X200) AppleWebKit/537.36 Chrome/126'),
      { kind: 'tablet', os: 'Android' }
    )
    assert.deepEqual(deviceFromUserAgent('Googlebot/2.1'), { kind: 'bot', os: null })
    assert.deepEqual(deviceFromUserAgent(null), { kind: 'unknown', os: null })
  })
})
