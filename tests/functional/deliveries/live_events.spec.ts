import { test } from '@japa/runner'
import DeliverPostback from '#actions/postbacks/deliver_postback'
import PlanPaymentPostbacks from '#actions/postbacks/plan_payment_postbacks'
import { CredentialFactory } from '#database/factories/credential_factory'
import { freshDatabase } from '#tests/helpers/database'
import { apiToken, createTenant } from '#tests/helpers/tenants'
import { SseClient } from '#tests/helpers/sse_client'
import { serverUrl } from '#tests/helpers/server'
import { StubServer } from '#tests/helpers/stub_server'
import { aPayment, emptyQueues } from '#tests/functional/payments/helpers'

test.group('Entregas: live delivery_updated events', (group) => {
  freshDatabase(group)
  const streams: SseClient[] = []
  let stub: StubServer | undefined
  group.each.setup(() => emptyQueues())
  group.each.teardown(async () => {
    streams.splice(0).forEach((sse) => sse.close())
    await stub?.close()
  })

  test('planning and sending a delivery are heard on the workspace channel, with the payment', async ({
    assert,
  }) => {
    stub = await StubServer.start()
    stub.on('POST', '/orders', { status: 503, body: 'indisponível' })
    const { owner, workspace } = await createTenant()
    await CredentialFactory.merge({
      workspaceId: workspace.id,
      service: 'utmify',
      apiUrl: stub.url,
    }).create()
    const payment = await aPayment(workspace, { status: 'paid' })

    const admin = new SseClient(serverUrl(), {
      authorization: `Bearer ${await apiToken(owner, null)}`,
    })
    streams.push(admin)
    await admin.connect()
    assert.equal(await admin.subscribe(`workspaces/${workspace.id}`), 204)

    await PlanPaymentPostbacks.handle({
      workspaceId: workspace.id,
      paymentId: payment.id,
      status: 'paid',
    })
    const planned = await admin.waitFor((m) => m.payload.event === 'delivery_updated')
    assert.deepInclude(planned.payload, { outcome: 'planned', paymentId: payment.id })

    const [row] = await workspace.related('postbackDeliveries').query()
    await assert.rejects(() =>
      DeliverPostback.handle({ workspaceId: workspace.id, deliveryId: row.id })
    )
    const retrying = await admin.waitFor(
      (m) => m.payload.event === 'delivery_updated' && m.payload.outcome === 'retry'
    )
    assert.deepInclude(retrying.payload, { deliveryId: Number(row.id), paymentId: payment.id })

    stub.on('POST', '/orders', { status: 200, body: { ok: true } })
    await DeliverPostback.handle({ workspaceId: workspace.id, deliveryId: row.id })
    await admin.waitFor(
      (m) => m.payload.event === 'delivery_updated' && m.payload.outcome === 'succeeded'
    )

    /** Another workspace hears nothing of it. */
    const other = await createTenant()
    const stranger = new SseClient(serverUrl(), {
      authorization: `Bearer ${await apiToken(other.owner, null)}`,
    })
    streams.push(stranger)
    await stranger.connect()
    assert.equal(await stranger.subscribe(`workspaces/${workspace.id}`), 400)
  })
})
