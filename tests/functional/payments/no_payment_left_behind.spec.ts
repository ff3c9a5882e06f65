import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import type { Job } from 'bullmq'
import Payment from '#models/payment'
import PaymentTransition from '#models/payment_transition'
import PostbackDelivery from '#models/postback_delivery'
import WebhookEvent from '#models/webhook_event'
import type Workspace from '#models/workspace'
import PollPayment from '#actions/payments/poll_payment'
import ExpirePayment from '#actions/payments/expire_payment'
import SweepPendingPayments from '#actions/payments/sweep_pending_payments'
import SweepWebhookInbox from '#actions/payments/sweep_webhook_inbox'
import { CredentialFactory } from '#database/factories/credential_factory'
import { WebhookEndpointFactory } from '#database/factories/webhook_endpoint_factory'
import { freshDatabase } from '#tests/helpers/database'
import { apiToken, createTenant } from '#tests/helpers/tenants'
import { StubServer } from '#tests/helpers/stub_server'
import { WorkerProcess } from '#tests/helpers/worker_process'
import { SseClient } from '#tests/helpers/sse_client'
import { serverUrl } from '#tests/helpers/server'
import { asInertia } from '#tests/helpers/inertia'
import { BUYER, emptyQueues, sellingFunnel } from '#tests/functional/payments/helpers'
import { SkalePayStub } from '#tests/functional/payments/skalepay_stub'
import { processJob } from '#workers/processors'
import type { QueueName } from '#queues/definitions'
import queue from '#services/queue'
import { route } from '#tests/helpers/routes'

async function waitUntil(check: () => Promise<boolean>, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not met in time')
    await new Promise((resolve) => setTimeout(resolve, 150))
  }
}

/** Runs the waiting jobs of a queue in this process until none is left (postbacks fan out). */
async function drain(name: QueueName) {
  for (let round = 0; round < 5; round++) {
    const jobs = (await queue.queue(name).getJobs(['waiting', 'prioritized'])) as Job[]
    if (!jobs.length) return
    for (const job of jobs) {
      await processJob(name, job).catch(() => {})
      await job.remove().catch(() => {})
    }
  }
}

/** Moves a payment's clock: its creation and next read back in time (the test's "later"). */
function backdate(paymentId: number, values: Record<string, DateTime | null>) {
  return Payment.query()
    .where('id', paymentId)
    .update(
      Object.fromEntries(
        Object.entries(values).map(([key, value]) => [key, value?.toSQL() ?? null])
      )
    )
}

const ago = (seconds: number) => DateTime.now().minus({ seconds })

/** A workspace selling through the SkalePay stub, with UTMify and an agency webhook on another stub. */
async function skalePayShop(client: any, skalepay: SkalePayStub, others: StubServer) {
  const { owner, workspace } = await createTenant()
  await CredentialFactory.merge({
    workspaceId: workspace.id,
    service: 'skalepay',
    apiKey: 'sk_test_valid',
    apiUrl: skalepay.apiUrl,
  }).create()
  await CredentialFactory.merge({
    workspaceId: workspace.id,
    service: 'utmify',
    name: 'UTMify',
    apiKey: 'utm-token',
    apiUrl: others.url,
  }).create()
  await WebhookEndpointFactory.merge({
    workspaceId: workspace.id,
    url: `${others.url}/hooks/agency`,
    events: ['payment.paid', 'payment.refunded'],
  }).create()
  const { funnel, checkout } = await sellingFunnel(workspace)
  const token = await apiToken(owner, workspace)
  const charge = async () => {
    const created = await client
      .post(route('api.payments.create'))
      .bearerToken(token)
      .json({ funnelId: funnel.id, stepId: checkout.id, customer: BUYER })
    created.assertStatus(201)
    return Payment.findOrFail(created.body().payment.id)
  }
  return { owner, workspace, funnel, charge }
}

function deliveriesOf(workspace: Workspace) {
  return PostbackDelivery.query().where('workspace_id', workspace.id).orderBy('id', 'asc')
}

test.group('Payments: no payment left behind', (group) => {
  freshDatabase(group)
  let skalepay: SkalePayStub
  let others: StubServer
  let worker: WorkerProcess | undefined
  const streams: SseClient[] = []
  group.each.setup(async () => {
    await emptyQueues()
    skalepay = await SkalePayStub.start()
    others = await StubServer.start()
    others.on('POST', '/orders', { status: 200, body: { ok: true } })
    others.on('POST', '/hooks/:name', { status: 200, body: 'ok' })
    others.on('POST', '/v21.0/:pixel/events', { status: 200, body: { events_received: 1 } })
    return async () => {
      streams.splice(0).forEach((sse) => sse.close())
      await worker?.stop('SIGKILL')
      worker = undefined
      await skalepay.close()
      await others.close()
    }
  })

  test('paid then refunded before we saw paid: pending → paid → refunded, each with its postbacks', async ({
    client,
    assert,
  }) => {
    const { workspace, charge } = await skalePayShop(client, skalepay, others)
    const payment = await charge()
    await emptyQueues()
    skalepay.setStatus(payment.externalId!, 'paid')
    skalepay.setStatus(payment.externalId!, 'refunded')

    await PollPayment.handle({ workspaceId: workspace.id, paymentId: payment.id, force: true })
    await payment.refresh()
    assert.equal(payment.status, 'refunded')
    assert.isNotNull(payment.paidAt)
    const transitions = await PaymentTransition.query()
      .where('payment_id', payment.id)
      .orderBy('id', 'asc')
    assert.deepEqual(
      transitions.map((row) => [row.fromStatus, row.toStatus, row.source]),
      [
        [null, 'pending', 'api'],
        ['pending', 'paid', 'poll'],
        ['paid', 'refunded', 'poll'],
      ]
    )
    assert.equal(transitions[1].details.impliedBy, 'refunded')

    /** Each transition is announced on its own: its postbacks are planned and sent. */
    await drain('postbacks')
    await drain('postbacks')
    const rows = await deliveriesOf(workspace)
    const keys = rows.map((row) => [row.target, row.event, row.status])
    assert.includeDeepMembers(keys, [
      ['utmify', 'order.paid', 'succeeded'],
      ['utmify', 'order.refunded', 'succeeded'],
      ['custom', 'payment.paid', 'succeeded'],
      ['custom', 'payment.refunded', 'succeeded'],
    ])
    const utmify = others.requestsTo('POST', '/orders').map((request) => request.body.status)
    assert.includeMembers(utmify, ['paid', 'refunded'])
    assert.isBelow(utmify.indexOf('paid'), utmify.indexOf('refunded'), 'paid is announced first')
  })

  test('the gateway down at expiry time: the expiry job fails, the sweep settles it once the gateway answers', async ({
    client,
    assert,
  }) => {
    const { workspace, charge } = await skalePayShop(client, skalepay, others)
    const late = await charge()
    const paidLate = await charge()
    await emptyQueues()
    let down = true
    skalepay.server.on('GET', '/v1/transactions/:id', ({ params }) =>
      down ? { status: 502, body: {} } : { body: skalepay.transactions.get(params.id) }
    )
    for (const payment of [late, paidLate]) {
      await backdate(payment.id, { created_at: ago(31 * 60), expires_at: ago(60) })
      await assert.rejects(() =>
        ExpirePayment.handle({ workspaceId: workspace.id, paymentId: payment.id })
      )
      const stuck = await Payment.findOrFail(payment.id)
      assert.equal(stuck.status, 'pending')
      /** The next try is pushed back (half the time since the expiry, at least 30 s). */
      assert.isAbove(stuck.nextCheckAt!.diffNow().toMillis(), 25_000)
    }

    /** Not due yet: the sweep leaves them alone. */
    assert.equal((await SweepPendingPayments.handle()).found, 0)

    /** Later, still down: the sweep asks, fails, backs off. */
    await backdate(late.id, { next_check_at: ago(60) })
    await backdate(paidLate.id, { next_check_at: ago(60) })
    const stillDown = await SweepPendingPayments.handle()
    assert.deepInclude(stillDown, { found: 2, failed: 2 })
    assert.equal((await Payment.findOrFail(late.id)).status, 'pending')

    /** The gateway is back: one charge was paid meanwhile, the other was not. */
    down = false
    skalepay.setStatus(paidLate.externalId!, 'paid')
    await backdate(late.id, { next_check_at: ago(60) })
    await backdate(paidLate.id, { next_check_at: ago(60) })
    const settled = await SweepPendingPayments.handle()
    assert.deepInclude(settled, { found: 2, expired: 1, settled: 1, failed: 0 })
    assert.equal((await Payment.findOrFail(late.id)).status, 'expired')
    assert.equal((await Payment.findOrFail(paidLate.id)).status, 'paid')
    assert.equal((await SweepPendingPayments.handle()).found, 0)
  })

  test("Redis lost the delayed jobs: the real worker's sweep still polls, then expires", async ({
    client,
    assert,
  }) => {
    const { workspace, charge } = await skalePayShop(client, skalepay, others)
    const payment = await charge()
    /** Every poll and expiry job of the payment is gone, as with a Redis that lost its data. */
    await emptyQueues()
    assert.lengthOf(await queue.queue('payments').getJobs(['delayed', 'waiting']), 0)
    await backdate(payment.id, { created_at: ago(5 * 60), next_check_at: ago(60) })
    const reads = () =>
      skalepay.server.requestsTo('GET', `/v1/transactions/${payment.externalId}`).length

    worker = new WorkerProcess(['--queues', 'payments'], { PAYMENTS_SWEEP_EVERY_MS: '500' })
    await worker.start()
    await waitUntil(async () => reads() >= 1)
    /** The sweep's poll re-created the chain: the next poll is a job again. */
    await waitUntil(async () => (await Payment.findOrFail(payment.id)).checkAttempts >= 1)
    const polled = await Payment.findOrFail(payment.id)
    assert.equal(polled.status, 'pending')
    assert.isAbove(polled.nextCheckAt!.toMillis(), Date.now() - 1_000)

    /** Its expiry passes with no poll or expiry job anywhere (lost again): the sweep expires it. */
    for (const job of await queue.queue('payments').getJobs(['delayed', 'waiting'])) {
      if (job.data?.paymentId === payment.id) await job.remove()
    }
    await backdate(payment.id, { expires_at: ago(90), next_check_at: ago(60) })
    await waitUntil(async () => (await Payment.findOrFail(payment.id)).status === 'expired')
    const expired = await PaymentTransition.query()
      .where('payment_id', payment.id)
      .where('to_status', 'expired')
      .firstOrFail()
    assert.equal(expired.source, 'expiry')
    void workspace
  })

  test('paid after our expiry is honoured: paid, flagged, UTMify paid, Purchase, agency webhook, live event', async ({
    client,
    assert,
  }) => {
    const { owner, workspace } = await createTenant()
    await CredentialFactory.merge({
      workspaceId: workspace.id,
      service: 'utmify',
      name: 'UTMify',
      apiKey: 'utm-token',
      apiUrl: others.url,
    }).create()
    await CredentialFactory.merge({
      workspaceId: workspace.id,
      service: 'meta_capi',
      name: 'Meta',
      apiKey: 'meta-token',
      apiUrl: others.url,
      settings: { pixelId: '123456' },
    }).create()
    await WebhookEndpointFactory.merge({
      workspaceId: workspace.id,
      url: `${others.url}/hooks/agency`,
      events: ['payment.paid'],
    }).create()
    const { funnel, checkout } = await sellingFunnel(workspace)
    const created = await client
      .post(route('api.payments.create'))
      .bearerToken(await apiToken(owner, workspace))
      .json({ funnelId: funnel.id, stepId: checkout.id, customer: BUYER })
    const payment = await Payment.findOrFail(created.body().payment.id)
    await backdate(payment.id, { expires_at: ago(5) })
    await ExpirePayment.handle({ workspaceId: workspace.id, paymentId: payment.id })
    assert.equal((await Payment.findOrFail(payment.id)).status, 'expired')
    await emptyQueues()

    /** The buyer's page (it shows "expirado") still listens on the payment's channel. */
    const buyer = new SseClient(serverUrl(), {
      authorization: `Bearer ${await apiToken(owner, null)}`,
    })
    streams.push(buyer)
    await buyer.connect()
    assert.equal(await buyer.subscribe(`payments/${payment.publicToken}`), 204)

    /** The money arrives at the gateway after our countdown; its postback reaches us. */
    const record: Record<string, any> = {
      ...payment.gatewayResponse,
      status: 'paid',
      paidAt: new Date().toISOString(),
    }
    await Payment.query()
      .where('id', payment.id)
      .update({ gateway_response: JSON.stringify(record) })
    const answer = await fetch(`${serverUrl()}/api/payments/webhook/${workspace.webhookToken}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        id: 'evt_late',
        type: 'transaction',
        objectId: record.id,
        data: record,
      }),
    })
    assert.equal(answer.status, 200)

    worker = new WorkerProcess(['--queues', 'webhooks', '--queues', 'postbacks', '--no-schedules'])
    await worker.start()
    await waitUntil(async () => (await Payment.findOrFail(payment.id)).status === 'paid')
    const message = await buyer.waitFor((m) => m.payload.status === 'paid')
    assert.equal(message.payload.event, 'payment_status_change')

    const paid = await Payment.findOrFail(payment.id)
    assert.isTrue(paid.paidAfterExpiry)
    const transition = await PaymentTransition.query()
      .where('payment_id', payment.id)
      .where('to_status', 'paid')
      .firstOrFail()
    assert.equal(transition.fromStatus, 'expired')
    assert.equal(transition.source, 'webhook')
    assert.isTrue(transition.details.paidAfterExpiry as boolean)

    await waitUntil(async () =>
      (await deliveriesOf(workspace)).some(
        (row) => row.target === 'custom' && row.status === 'succeeded'
      )
    )
    await waitUntil(
      async () =>
        (await deliveriesOf(workspace)).filter(
          (row) => row.status === 'succeeded' && row.dedupeKey.includes(':paid')
        ).length >= 3
    )
    const orders = others.requestsTo('POST', '/orders').map((request) => request.body.status)
    assert.include(orders, 'paid')
    const purchase = others.requestsTo('POST', '/v21.0/123456/events')
    assert.equal(purchase[0].body.data[0].event_name, 'Purchase')
    const hook = others.requestsTo('POST', '/hooks/agency')
    assert.equal(hook[0].body.event, 'payment.paid')

    /** The admin sees it flagged "pago após expirar", on the payment and in the list. */
    const detail = await asInertia(
      client
        .get(route('w.payments.show', { workspaceSlug: workspace.slug, id: payment.id }))
        .loginAs(owner)
    )
    assert.include(detail.body().props.payment, { status: 'paid', paidAfterExpiry: true })
    const list = await asInertia(
      client.get(route('w.payments.index', { workspaceSlug: workspace.slug })).loginAs(owner)
    )
    const row = list.body().props.payments.data.find((item: any) => item.id === payment.id)
    assert.isTrue(row.paidAfterExpiry)
  })

  test('paid at the gateway after our expiry and its postback lost: the late check honours it', async ({
    client,
    assert,
  }) => {
    const { workspace, charge } = await skalePayShop(client, skalepay, others)
    const payment = await charge()
    await emptyQueues()
    await backdate(payment.id, { expires_at: ago(5) })
    await ExpirePayment.handle({ workspaceId: workspace.id, paymentId: payment.id })
    const expired = await Payment.findOrFail(payment.id)
    assert.equal(expired.status, 'expired')
    assert.isNotNull(expired.nextCheckAt)

    /** The buyer pays the code anyway (SkalePay's own expiry is a day); no postback arrives. */
    skalepay.setStatus(payment.externalId!, 'paid')
    assert.equal((await SweepPendingPayments.handle()).settled, 0, 'not due yet')
    await backdate(payment.id, { next_check_at: ago(1) })
    assert.equal((await SweepPendingPayments.handle()).settled, 1)
    const paid = await Payment.findOrFail(payment.id)
    assert.equal(paid.status, 'paid')
    assert.isTrue(paid.paidAfterExpiry)
    assert.isNull(paid.nextCheckAt)
    const jobs = await queue.queue('postbacks').getJobs(['waiting'])
    assert.deepInclude(
      jobs.map((job) => [job.name, job.data.status]),
      ['payment_status_changed', 'paid']
    )
  })

  test('an inbox row left unprocessed (its job lost) is re-queued by the sweep and processed', async ({
    client,
    assert,
  }) => {
    const { owner, workspace } = await createTenant()
    const { funnel, checkout } = await sellingFunnel(workspace)
    const created = await client
      .post(route('api.payments.create'))
      .bearerToken(await apiToken(owner, workspace))
      .json({ funnelId: funnel.id, stepId: checkout.id, customer: BUYER })
    const payment = await Payment.findOrFail(created.body().payment.id)
    const record: Record<string, any> = {
      ...payment.gatewayResponse,
      status: 'paid',
      paidAt: new Date().toISOString(),
    }
    await Payment.query()
      .where('id', payment.id)
      .update({ gateway_response: JSON.stringify(record) })
    const stored = await client
      .post(route('api.payments.webhook.token', { token: workspace.webhookToken }))
      .json({ id: 'evt_lost', type: 'transaction', objectId: record.id, data: record })
    stored.assertStatus(200)
    /** The processing job vanishes (Redis flushed) before any worker saw it. */
    await emptyQueues()
    const row = await WebhookEvent.query().where('workspace_id', workspace.id).firstOrFail()

    /** Within the grace period it is left alone (its job may still be on its way). */
    assert.deepEqual(await SweepWebhookInbox.handle(), { found: 0, requeued: 0 })
    await WebhookEvent.query()
      .where('id', row.id)
      .update({ received_at: ago(5 * 60).toSQL() })
    assert.deepEqual(await SweepWebhookInbox.handle(), { found: 1, requeued: 1 })
    /** Re-queued once: the next sweep waits for that job (and a growing pause). */
    assert.deepEqual(await SweepWebhookInbox.handle(), { found: 0, requeued: 0 })

    await drain('webhooks')
    await row.refresh()
    assert.isNotNull(row.processedAt)
    assert.equal(row.requeues, 1)
    assert.equal((await Payment.findOrFail(payment.id)).status, 'paid')
    assert.deepEqual(await SweepWebhookInbox.handle(), { found: 0, requeued: 0 })
  })

  test('a 400 KB postback is stored whole and processed', async ({ client, assert }) => {
    const { owner, workspace } = await createTenant()
    const { funnel, checkout } = await sellingFunnel(workspace)
    const created = await client
      .post(route('api.payments.create'))
      .bearerToken(await apiToken(owner, workspace))
      .json({ funnelId: funnel.id, stepId: checkout.id, customer: BUYER })
    const payment = await Payment.findOrFail(created.body().payment.id)
    const record: Record<string, any> = {
      ...payment.gatewayResponse,
      status: 'paid',
      paidAt: new Date().toISOString(),
    }
    await Payment.query()
      .where('id', payment.id)
      .update({ gateway_response: JSON.stringify(record) })
    /** A gateway that sends every item, split and log line: 400 KB of valid JSON. */
    const body = JSON.stringify({
      id: 'evt_big',
      type: 'transaction',
      objectId: record.id,
      data: { ...record, metadata: { log: 'x'.repeat(400_000) } },
    })
    assert.isAbove(body.length, 400_000)
    await emptyQueues()
    const answer = await fetch(`${serverUrl()}/api/payments/webhook/${workspace.webhookToken}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
    })
    assert.equal(answer.status, 200)
    const row = await WebhookEvent.query().where('workspace_id', workspace.id).firstOrFail()
    assert.equal(row.rawBody.length, body.length)
    assert.equal(row.rawBody, body)

    await drain('webhooks')
    await row.refresh()
    assert.isNotNull(row.processedAt)
    assert.isNull(row.error)
    assert.equal((await Payment.findOrFail(payment.id)).status, 'paid')

    /** Past the body limit (1 MB) the answer is a 413 and nothing half-stored. */
    const tooBig = await fetch(`${serverUrl()}/api/payments/webhook/${workspace.webhookToken}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        ...JSON.parse(body),
        id: 'evt_huge',
        metadata: 'y'.repeat(1_100_000),
      }),
    })
    assert.equal(tooBig.status, 413)
    assert.lengthOf(await WebhookEvent.query().where('workspace_id', workspace.id), 1)
  })
})
