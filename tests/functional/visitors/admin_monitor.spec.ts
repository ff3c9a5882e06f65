import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import { freshDatabase } from '#tests/helpers/database'
import { asInertia } from '#tests/helpers/inertia'
import { createTenant, workspaceMember } from '#tests/helpers/tenants'
import { FunnelFactory } from '#database/factories/funnel_factory'
import { FunnelStepFactory } from '#database/factories/funnel_step_factory'
import { VisitorFactory } from '#database/factories/visitor_factory'
import { aPayment } from '#tests/functional/payments/helpers'
import type Workspace from '#models/workspace'
import { route } from '#tests/helpers/routes'

async function live(workspace: Workspace) {
  const funnel = await FunnelFactory.merge({
    workspaceId: workspace.id,
    name: 'Lançamento',
  }).create()
  const [first, second] = await Promise.all(
    [0, 1].map((orderIndex) =>
      FunnelStepFactory.merge({
        workspaceId: workspace.id,
        funnelId: funnel.id,
        name: `Etapa ${orderIndex + 1}`,
        orderIndex,
      }).create()
    )
  )
  const online = await VisitorFactory.merge({
    workspaceId: workspace.id,
    funnelId: funnel.id,
    currentStepId: second.id,
  }).create()
  await VisitorFactory.merge({
    workspaceId: workspace.id,
    funnelId: funnel.id,
    isOnline: false,
    lastActivity: DateTime.now().minus({ hours: 2 }),
  }).create()
  await online.refresh()
  return { funnel, first, second, online }
}

test.group('Admin live monitor page', (group) => {
  freshDatabase(group)

  test('starts from the funnels with their steps, online visitors and latest payments', async ({
    client,
    assert,
  }) => {
    const { owner, workspace } = await createTenant()
    const { funnel, first, second, online } = await live(workspace)
    const older = await aPayment(workspace, {
      status: 'paid',
      amountCents: 19700,
      createdAt: DateTime.now().minus({ minutes: 10 }),
    })
    const newer = await aPayment(workspace, { status: 'pending', amountCents: 4700 })
    await aPayment((await createTenant()).workspace, { status: 'paid', amountCents: 99999 })

    const response = await asInertia(
      client.get(route('w.monitor.show', { workspaceSlug: workspace.slug })).loginAs(owner)
    )
    response.assertStatus(200)
    assert.equal(response.body().component, 'monitor/show')
    const props = response.body().props
    assert.deepEqual(props.funnels, [
      {
        id: funnel.id,
        name: 'Lançamento',
        steps: [
          { id: first.id, name: 'Etapa 1' },
          { id: second.id, name: 'Etapa 2' },
        ],
      },
    ])
    assert.deepEqual(
      props.online.map((v: any) => [v.id, v.stepName, v.isOnline]),
      [[online.publicId, 'Etapa 2', true]]
    )
    assert.equal(props.onlineTotal, 1)
    assert.deepEqual(
      props.payments.map((p: any) => [p.id, p.status, p.amountCents]),
      [
        [newer.id, 'pending', 4700],
        [older.id, 'paid', 19700],
      ]
    )
  })

  test('a reconnect reloads only the online list and the payments', async ({ client, assert }) => {
    const { owner, workspace } = await createTenant()
    const { online } = await live(workspace)
    const response = await asInertia(
      client
        .get(route('w.monitor.show', { workspaceSlug: workspace.slug }))
        .header('x-inertia-partial-component', 'monitor/show')
        .header('x-inertia-partial-data', 'online,onlineTotal,payments')
        .loginAs(owner)
    )
    response.assertStatus(200)
    const props = response.body().props
    assert.notProperty(props, 'funnels')
    assert.deepEqual(
      props.online.map((v: any) => v.id),
      [online.publicId]
    )
  })

  test("viewers watch; another workspace's monitor is out of reach", async ({ client, assert }) => {
    const { workspace } = await createTenant()
    const { online } = await live(workspace)
    const viewer = await workspaceMember(workspace, 'viewer')
    const response = await asInertia(
      client.get(route('w.monitor.show', { workspaceSlug: workspace.slug })).loginAs(viewer)
    )
    response.assertStatus(200)
    assert.deepEqual(
      response.body().props.online.map((v: any) => v.id),
      [online.publicId]
    )
    const other = await createTenant()
    await live(other.workspace)
    const outsider = await asInertia(
      client.get(route('w.monitor.show', { workspaceSlug: other.workspace.slug })).loginAs(viewer)
    )
    assert.oneOf(outsider.status(), [403, 404])
  })
})
