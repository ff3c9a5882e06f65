import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import { freshDatabase } from '#tests/helpers/database'
import { asInertia } from '#tests/helpers/inertia'
import { createTenant, workspaceMember } from '#tests/helpers/tenants'
import { FunnelFactory } from '#database/factories/funnel_factory'
import { aPayment } from '#tests/functional/payments/helpers'
import { route } from '#tests/helpers/routes'

test.group('Admin dashboard page', (group) => {
  freshDatabase(group)

  test('7 days by default, today, 30 days and a custom period, in the workspace zone', async ({
    client,
    assert,
  }) => {
    const { owner, workspace } = await createTenant()
    const funnel = await FunnelFactory.merge({ workspaceId: workspace.id }).create()
    await aPayment(workspace, { funnelId: funnel.id, status: 'paid', amountCents: 19700 })
    await aPayment(workspace, { funnelId: funnel.id, status: 'refunded', amountCents: 5000 })
    const today = DateTime.now().setZone(workspace.timezone || 'America/Sao_Paulo')
    const base = route('w.dashboard', { workspaceSlug: workspace.slug })

    const week = await asInertia(client.get(base).loginAs(owner))
    week.assertStatus(200)
    assert.equal(week.body().component, 'dashboard')
    const props = week.body().props
    assert.deepEqual(props.filters, {
      period: '7d',
      from: today.minus({ days: 6 }).toISODate(),
      to: today.toISODate(),
      funnelId: funnel.id,
    })
    assert.lengthOf(props.data.series, 7)
    assert.equal(props.data.kpis.revenueCents, 19700)
    assert.deepEqual(props.data.paymentsByStatus.refunded, { count: 1, cents: 5000 })

    const day = await asInertia(client.get(`${base}?period=today`).loginAs(owner))
    assert.lengthOf(day.body().props.data.series, 1)
    const month = await asInertia(client.get(`${base}?period=30d`).loginAs(owner))
    assert.lengthOf(month.body().props.data.series, 30)
    const custom = await asInertia(
      client.get(`${base}?period=custom&from=2026-01-01&to=2026-01-03`).loginAs(owner)
    )
    assert.deepEqual(
      custom.body().props.data.series.map((p: any) => p.day),
      ['2026-01-01', '2026-01-02', '2026-01-03']
    )
    assert.equal(custom.body().props.data.kpis.revenueCents, 0)
  })

  test("viewers read it; another workspace's funnel id is ignored", async ({ client, assert }) => {
    const { workspace } = await createTenant()
    const viewer = await workspaceMember(workspace, 'viewer')
    const other = await createTenant()
    const foreign = await FunnelFactory.merge({ workspaceId: other.workspace.id }).create()
    const response = await asInertia(
      client
        .get(`${route('w.dashboard', { workspaceSlug: workspace.slug })}?funnelId=${foreign.id}`)
        .loginAs(viewer)
    )
    response.assertStatus(200)
    assert.isNull(response.body().props.filters.funnelId)
    assert.isNull(response.body().props.data.steps)
  })
})
