import { test } from '@japa/runner'
import Payment from '#models/payment'
import PaymentTransition from '#models/payment_transition'
import WebhookEvent from '#models/webhook_event'
import { freshDatabase } from '#tests/helpers/database'
import { apiToken, createTenant } from '#tests/helpers/tenants'
import { WorkerProcess } from '#tests/helpers/worker_process'
import { SseClient } from '#tests/helpers/sse_client'
import { serverUrl } from '#tests/helpers/server'
import { BUYER, emptyQueues, sellingFunnel } from '#tests/functional/payments/helpers'
import { route } from '#tests/helpers/routes'

async function waitUntil(check: () => Promise<boolean>, timeoutMs = 15_000) {
  const deadline = Date.now() + timeoutMs
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not met in time')
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
}

test.group('Webhooks: worker process, duplicates and live events', (group) => {
  freshDatabase(group)
  group.each.setup(() => emptyQueues())
  let worker: WorkerProcess | undefined
  const streams: SseClient[] = []
  group.each.teardown(async () => {
    streams.splice(0).forEach((sse) => sse.close())
    await worker?.stop('SIGKILL')
    worker = undefined
  })

  test('50 concurrent duplicate webhooks → one inbox row, one transition, one paid event', async ({
    client,
    assert,
  }) => {
    const { owner, workspace } = await createTenant()
    const { funnel, checkout } = await sellingFunnel(workspace)
    const token = await apiToken(owner, workspace)
    const created = await client
      .post(route('api.payments.create'))
      .bearerToken(token)
      .json({ funnelId: funnel.id, stepId: checkout.id, customer: BUYER })
    const payment = await Payment.findOrFail(created.body().payment.id)

    const headers = { authorization: `Bearer ${await apiToken(owner, null)}` }
    const buyer = new SseClient(serverUrl(), headers)
    const admin = new SseClient(serverUrl(), headers)
    streams.push(buyer, admin)
    await buyer.connect()
    await admin.connect()
    assert.equal(await buyer.subscribe(`payments/${payment.publicToken}`), 204)
    assert.equal(await admin.subscribe(`workspaces/${workspace.id}/funnels/${funnel.id}`), 204)

    /** The sandbox gateway's side says paid; its postback is delivered 50 times at once. */
    const record: Record<string, unknown> = {
      ...payment.gatewayResponse,
      status: 'paid',
      paidAt: new Date().toISOString(),
    }
    await Payment.query()
      .where('id', payment.id)
      .update({ gateway_response: JSON.stringify(record) })
    const body = JSON.stringify({
      id: 'evt',
      type: 'transaction',
      objectId: record.id,
      data: record,
    })
    const answers = await Promise.all(
      Array.from({ length: 50 }, () =>
        fetch(`${serverUrl()}/api/payments/webhook/${workspace.webhookToken}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body,
        }).then(async (r) => ({
          status: r.status,
          body: (await r.json()) as { duplicate: boolean },
        }))
      )
    )
    assert.isTrue(answers.every((a) => a.status === 200))
    assert.equal(answers.filter((a) => !a.body.duplicate).length, 1)
    assert.lengthOf(await WebhookEvent.query().where('workspace_id', workspace.id), 1)

    worker = new WorkerProcess(['--queues', 'webhooks', '--no-schedules'])
    await worker.start()
    await waitUntil(async () => (await Payment.findOrFail(payment.id)).status === 'paid')
    await buyer.waitFor((m) => m.payload.status === 'paid')
    await admin.waitFor((m) => m.payload.status === 'paid')
    /** Let any stray duplicate arrive before counting. */
    await new Promise((resolve) => setTimeout(resolve, 1_000))

    const paid = await PaymentTransition.query()
      .where('payment_id', payment.id)
      .where('to_status', 'paid')
    assert.lengthOf(paid, 1)
    assert.equal(paid[0].source, 'webhook')
    assert.lengthOf(
      buyer.messages.filter((m) => m.payload.status === 'paid'),
      1
    )
    assert.lengthOf(
      admin.messages.filter(
        (m) => m.payload.event === 'payment_status_change' && m.payload.status === 'paid'
      ),
      1
    )
    const row = await WebhookEvent.query().where('workspace_id', workspace.id).firstOrFail()
    assert.isNotNull(row.processedAt)
    assert.equal(row.attempts, 1)
  })
})
