import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import DeliverPostback, { DeliveryLeased } from '#actions/postbacks/deliver_postback'
import { CredentialFactory } from '#database/factories/credential_factory'
import { PostbackDeliveryFactory } from '#database/factories/postback_delivery_factory'
import { freshDatabase } from '#tests/helpers/database'
import { createTenant } from '#tests/helpers/tenants'
import { StubServer } from '#tests/helpers/stub_server'
import { emptyQueues } from '#tests/functional/payments/helpers'

async function utmifyDeliveries(stub: StubServer, count: number) {
  const { workspace } = await createTenant()
  await CredentialFactory.merge({
    workspaceId: workspace.id,
    service: 'utmify',
    apiUrl: stub.url,
  }).create()
  /** The factory gives every row its own dedupe key. */
  const rows = await PostbackDeliveryFactory.merge({
    workspaceId: workspace.id,
    target: 'utmify',
    event: 'order.paid',
    status: 'pending',
    request: { body: { orderId: 'PIX', status: 'paid' } },
  }).createMany(count)
  return { workspace, rows }
}

test.group('Postbacks: deliveries claimed with a lease', (group) => {
  freshDatabase(group)
  let stub: StubServer
  group.each.setup(async () => {
    await emptyQueues()
    stub = await StubServer.start()
    return () => stub.close()
  })

  test('twelve deliveries to a hanging destination hold no database connection', async ({
    assert,
  }) => {
    stub.on('POST', '/orders', { status: 200, body: { ok: true }, delayMs: 3_000 })
    const { workspace, rows } = await utmifyDeliveries(stub, 12)
    const sending = Promise.all(
      rows.map((row) => DeliverPostback.handle({ workspaceId: workspace.id, deliveryId: row.id }))
    )
    /** While all twelve wait on the destination, the database answers everyone else at once. */
    await new Promise((resolve) => setTimeout(resolve, 1_000))
    const started = performance.now()
    await db.rawQuery('SELECT 1')
    assert.isBelow(performance.now() - started, 500, 'the pool (10 connections) is not exhausted')

    const results = await sending
    assert.deepEqual(
      results.map((result) => result.outcome),
      Array(12).fill('succeeded')
    )
    assert.lengthOf(stub.requestsTo('POST', '/orders'), 12)
  })

  test('a delivery held by another worker is not sent twice; it comes back when the lease ends', async ({
    assert,
  }) => {
    stub.on('POST', '/orders', { status: 200, body: { ok: true }, delayMs: 500 })
    const { workspace, rows } = await utmifyDeliveries(stub, 1)
    const [row] = rows
    const first = DeliverPostback.handle({ workspaceId: workspace.id, deliveryId: row.id })
    await new Promise((resolve) => setTimeout(resolve, 150))
    const second = await DeliverPostback.handle({
      workspaceId: workspace.id,
      deliveryId: row.id,
    }).catch((error) => error)
    assert.instanceOf(second, DeliveryLeased)
    assert.isAbove((second as DeliveryLeased).until.getTime(), Date.now())

    assert.equal((await first).outcome, 'succeeded')
    await row.refresh()
    assert.equal(row.status, 'succeeded')
    assert.isNull(row.leaseToken)
    assert.deepEqual(
      await DeliverPostback.handle({ workspaceId: workspace.id, deliveryId: row.id }),
      { outcome: 'skipped', reason: 'succeeded' }
    )
    assert.lengthOf(stub.requestsTo('POST', '/orders'), 1)
  })
})
