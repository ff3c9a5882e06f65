import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { freshDatabase } from '#tests/helpers/database'
import { createTenant } from '#tests/helpers/tenants'
import { FunnelFactory } from '#database/factories/funnel_factory'
import { FunnelStepFactory } from '#database/factories/funnel_step_factory'
import { VisitorFactory } from '#database/factories/visitor_factory'
import { PaymentFactory } from '#database/factories/payment_factory'

/**
 * The database itself refuses rows that point into another workspace: the composite foreign
 * keys hold even if application code forgets to scope a query.
 */
test.group('Database refuses cross-workspace references', (group) => {
  freshDatabase(group)

  async function twoWorkspaces() {
    const a = await createTenant()
    const b = await createTenant()
    const funnelA = await FunnelFactory.merge({ workspaceId: a.workspace.id }).create()
    const funnelB = await FunnelFactory.merge({ workspaceId: b.workspace.id }).create()
    return { a, b, funnelA, funnelB }
  }

  test('a step whose funnel is in another workspace is refused', async ({ assert }) => {
    const { a, funnelB } = await twoWorkspaces()
    await assert.rejects(
      () => FunnelStepFactory.merge({ workspaceId: a.workspace.id, funnelId: funnelB.id }).create(),
      /funnel_steps_workspace_id_funnel_id_foreign/
    )
  })

  test('a checkout config pointing at another funnel’s step is refused', async ({ assert }) => {
    const { a, funnelA } = await twoWorkspaces()
    const otherFunnel = await FunnelFactory.merge({ workspaceId: a.workspace.id }).create()
    const step = await FunnelStepFactory.merge({
      workspaceId: a.workspace.id,
      funnelId: otherFunnel.id,
    })
      .apply('checkout')
      .create()
    await assert.rejects(
      () =>
        db.table('checkout_configs').insert({
          workspace_id: a.workspace.id,
          funnel_id: funnelA.id,
          step_id: step.id,
          product_name: 'X',
          product_price_cents: 1000,
        }),
      /checkout_configs_workspace_id_funnel_id_step_id_foreign/
    )
  })

  test('a payment pointing at another workspace’s visitor or funnel is refused', async ({
    assert,
  }) => {
    const { a, b, funnelB } = await twoWorkspaces()
    const visitorB = await VisitorFactory.merge({ workspaceId: b.workspace.id }).create()
    await assert.rejects(
      () => PaymentFactory.merge({ workspaceId: a.workspace.id, visitorId: visitorB.id }).create(),
      /payments_visitor_fk/
    )
    await assert.rejects(
      () => PaymentFactory.merge({ workspaceId: a.workspace.id, funnelId: funnelB.id }).create(),
      /payments_funnel_fk/
    )
  })

  test('an event of another workspace’s visitor is refused', async ({ assert }) => {
    const { a, b } = await twoWorkspaces()
    const visitorB = await VisitorFactory.merge({ workspaceId: b.workspace.id }).create()
    await assert.rejects(
      () =>
        db.table('visitor_events').insert({
          workspace_id: a.workspace.id,
          visitor_id: visitorB.id,
          event_type: 'page_view',
          event_id: '7f0c2a3e-8d8a-4b8e-9a53-3f0b7a9c1d11',
        }),
      /visitor_events_visitor_fk/
    )
  })

  test('same funnel slug in two workspaces is fine; twice in one is not', async ({ assert }) => {
    const { a, b } = await twoWorkspaces()
    await FunnelFactory.merge({ workspaceId: a.workspace.id, slug: 'black-friday' }).create()
    await FunnelFactory.merge({ workspaceId: b.workspace.id, slug: 'black-friday' }).create()
    await assert.rejects(
      () => FunnelFactory.merge({ workspaceId: a.workspace.id, slug: 'black-friday' }).create(),
      /funnels_workspace_id_slug_unique/
    )
  })

  test('money is integer cents: a fractional amount is refused', async ({ assert }) => {
    const { a } = await twoWorkspaces()
    await assert.rejects(
      () =>
        db.table('payments').insert({
          workspace_id: a.workspace.id,
          public_token: 'tok-fraction',
          gateway: 'sandbox',
          amount_cents: '19.90',
        }),
      /invalid input syntax for type integer/
    )
  })

  test('deleting a funnel keeps its payments (RESTRICT) and its steps go with it', async ({
    assert,
  }) => {
    const { a, funnelA } = await twoWorkspaces()
    await FunnelStepFactory.merge({ workspaceId: a.workspace.id, funnelId: funnelA.id }).create()
    await PaymentFactory.merge({ workspaceId: a.workspace.id, funnelId: funnelA.id }).create()
    await assert.rejects(() => funnelA.delete(), /payments_funnel_fk/)

    const emptyFunnel = await FunnelFactory.merge({ workspaceId: a.workspace.id }).create()
    await FunnelStepFactory.merge({
      workspaceId: a.workspace.id,
      funnelId: emptyFunnel.id,
    }).create()
    await emptyFunnel.delete()
    const steps = await db.from('funnel_steps').where('funnel_id', emptyFunnel.id)
    assert.lengthOf(steps, 0)
  })
})
