import { test } from '@japa/runner'
import { createHmac } from 'node:crypto'
import { DateTime } from 'luxon'
import PostbackDelivery from '#models/postback_delivery'
import type Workspace from '#models/workspace'
import PlanPaymentPostbacks from '#actions/postbacks/plan_payment_postbacks'
import DeliverPostback, { RetryDelivery } from '#actions/postbacks/deliver_postback'
import { WebhookEndpointFactory } from '#database/factories/webhook_endpoint_factory'
import WebhookEndpoint from '#models/webhook_endpoint'
import { freshDatabase } from '#tests/helpers/database'
import { createTenant } from '#tests/helpers/tenants'
import { StubServer } from '#tests/helpers/stub_server'
import { aPayment, emptyQueues } from '#tests/functional/payments/helpers'

function deliveriesOf(workspace: Workspace) {
  return PostbackDelivery.query().where('workspace_id', workspace.id).orderBy('id', 'asc')
}

test.group('Postbacks: outbound webhooks', (group) => {
  freshDatabase(group)
  let stub: StubServer
  group.each.setup(async () => {
    await emptyQueues()
    stub = await StubServer.start()
    return () => stub.close()
  })

  test('subscribed endpoints receive a signed, timestamped payment.paid', async ({ assert }) => {
    stub.on('POST', '/hooks/:name', { status: 200, body: 'ok' })
    const { workspace } = await createTenant()
    const paidHook = await WebhookEndpointFactory.merge({
      workspaceId: workspace.id,
      url: `${stub.url}/hooks/erp`,
      secret: 'segredo-do-erp',
      events: ['payment.paid', 'payment.refunded'],
    }).create()
    /** Not subscribed to payment.paid, and an inactive one: neither is planned. */
    await WebhookEndpointFactory.merge({
      workspaceId: workspace.id,
      url: `${stub.url}/hooks/crm`,
      events: ['payment.created'],
    }).create()
    await WebhookEndpointFactory.merge({
      workspaceId: workspace.id,
      url: `${stub.url}/hooks/off`,
      events: ['payment.paid'],
      isActive: false,
    }).create()
    const payment = await aPayment(workspace, { status: 'paid', paidAt: DateTime.now() })

    await PlanPaymentPostbacks.handle({
      workspaceId: workspace.id,
      paymentId: payment.id,
      status: 'paid',
    })
    await PlanPaymentPostbacks.handle({
      workspaceId: workspace.id,
      paymentId: payment.id,
      status: 'paid',
    })
    const rows = await deliveriesOf(workspace)
    assert.deepEqual(
      rows.map((row) => [row.target, row.event, row.webhookEndpointId, row.dedupeKey]),
      [['custom', 'payment.paid', paidHook.id, `custom:${payment.id}:paid:${paidHook.id}`]]
    )
    const before = Math.floor(Date.now() / 1000)
    assert.equal(
      (await DeliverPostback.handle({ workspaceId: workspace.id, deliveryId: rows[0].id })).outcome,
      'succeeded'
    )
    assert.lengthOf(stub.requests, 1)
    const [hook] = stub.requests
    assert.equal(hook.path, '/hooks/erp')
    const timestamp = Number(hook.headers['x-funil-timestamp'])
    assert.isAtLeast(timestamp, before)
    assert.isAtMost(timestamp, before + 5)
    const expected = createHmac('sha256', 'segredo-do-erp')
      .update(`${timestamp}.${hook.rawBody}`)
      .digest('hex')
    assert.equal(hook.headers['x-funil-signature'], `sha256=${expected}`)
    assert.equal(hook.headers['x-funil-event'], 'payment.paid')
    assert.equal(hook.headers['x-funil-delivery'], String(rows[0].id))
    assert.equal(hook.body.event, 'payment.paid')
    assert.equal(hook.body.data.payment.token, payment.publicToken)
    assert.equal(hook.body.data.payment.amountCents, payment.amountCents)
    assert.equal(hook.body.data.customer.email, payment.customerData.email)
  })

  test('endpoint failures retry; a deleted endpoint ends the delivery', async ({ assert }) => {
    stub.on('POST', '/hooks/erp', { status: 500 })
    const { workspace } = await createTenant()
    const endpoint = await WebhookEndpointFactory.merge({
      workspaceId: workspace.id,
      url: `${stub.url}/hooks/erp`,
      events: ['payment.created'],
    }).create()
    const payment = await aPayment(workspace)
    await PlanPaymentPostbacks.handle({
      workspaceId: workspace.id,
      paymentId: payment.id,
      status: 'pending',
    })
    const [row] = await deliveriesOf(workspace)
    assert.equal(row.event, 'payment.created')
    await assert.rejects(
      () => DeliverPostback.handle({ workspaceId: workspace.id, deliveryId: row.id }),
      RetryDelivery
    )
    await WebhookEndpoint.query().where('id', endpoint.id).delete()
    const result = await DeliverPostback.handle({ workspaceId: workspace.id, deliveryId: row.id })
    assert.equal(result.outcome, 'dead')
    await row.refresh()
    assert.equal(row.attempts, 2)
    assert.equal(row.lastError, 'endpoint_disabled')
    assert.lengthOf(stub.requests, 1)
  })

  test("another workspace's delivery id is not delivered", async ({ assert }) => {
    stub.on('POST', '/hooks/erp', { status: 200 })
    const mine = await createTenant()
    const theirs = await createTenant()
    await WebhookEndpointFactory.merge({
      workspaceId: theirs.workspace.id,
      url: `${stub.url}/hooks/erp`,
      events: ['payment.paid'],
    }).create()
    const payment = await aPayment(theirs.workspace, { status: 'paid' })
    await PlanPaymentPostbacks.handle({
      workspaceId: theirs.workspace.id,
      paymentId: payment.id,
      status: 'paid',
    })
    const [row] = await deliveriesOf(theirs.workspace)
    assert.deepEqual(
      await DeliverPostback.handle({ workspaceId: mine.workspace.id, deliveryId: row.id }),
      { outcome: 'skipped', reason: 'missing' }
    )
    assert.lengthOf(stub.requests, 0)
  })

  test('a refund and a chargeback are payment.refunded; a refusal is not announced', async ({
    assert,
  }) => {
    const { workspace } = await createTenant()
    const hook = await WebhookEndpointFactory.merge({
      workspaceId: workspace.id,
      url: `${stub.url}/hooks/erp`,
      events: ['payment.refunded'],
    }).create()
    const refunded = await aPayment(workspace, { status: 'refunded' })
    const chargedback = await aPayment(workspace, { status: 'chargedback' })
    const refused = await aPayment(workspace, { status: 'failed' })
    for (const [payment, status] of [
      [refunded, 'refunded'],
      [chargedback, 'chargedback'],
      [refused, 'failed'],
    ] as const) {
      await PlanPaymentPostbacks.handle({
        workspaceId: workspace.id,
        paymentId: payment.id,
        status,
      })
    }
    const rows = await deliveriesOf(workspace)
    assert.deepEqual(
      rows.map((row) => [row.event, row.paymentId, (row.request as any).body.data.payment.status]),
      [
        ['payment.refunded', refunded.id, 'refunded'],
        ['payment.refunded', chargedback.id, 'chargedback'],
      ]
    )
    assert.isTrue(rows.every((row) => row.webhookEndpointId === hook.id))
  })
})
