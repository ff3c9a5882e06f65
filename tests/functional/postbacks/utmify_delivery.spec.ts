import { test } from '@japa/runner'
import { Worker } from 'bullmq'
import { DateTime } from 'luxon'
import Payment from '#models/payment'
import PostbackDelivery from '#models/postback_delivery'
import type Workspace from '#models/workspace'
import PlanPaymentPostbacks from '#actions/postbacks/plan_payment_postbacks'
import DeliverPostback, { RetryDelivery } from '#actions/postbacks/deliver_postback'
import { CredentialFactory } from '#database/factories/credential_factory'
import { VisitorFactory } from '#database/factories/visitor_factory'
import { freshDatabase } from '#tests/helpers/database'
import { createTenant } from '#tests/helpers/tenants'
import { StubServer } from '#tests/helpers/stub_server'
import { aPayment, emptyQueues } from '#tests/functional/payments/helpers'
import { processJob } from '#workers/processors'
import { postbackSettings } from '#services/postbacks'
import queue from '#services/queue'

async function waitUntil(check: () => Promise<boolean>, timeoutMs = 15_000) {
  const deadline = Date.now() + timeoutMs
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not met in time')
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}

/** A workspace with UTMify pointed at the stub and a paid-able payment of a tracked visitor. */
async function utmifySale(stub: StubServer, options: { credential?: boolean } = {}) {
  const { workspace } = await createTenant()
  if (options.credential !== false) {
    await CredentialFactory.merge({
      workspaceId: workspace.id,
      service: 'utmify',
      name: 'UTMify',
      apiKey: 'utm-token-123',
      apiUrl: stub.url,
    }).create()
  }
  const visitor = await VisitorFactory.merge({
    workspaceId: workspace.id,
    ipAddress: '177.10.20.30',
    src: 'ig-story',
    sck: 'sck-42',
    utmSource: 'facebook',
    utmMedium: 'cpc',
    utmCampaign: 'black-friday',
    utmContent: 'video-1',
    utmTerm: 'curso',
  }).create()
  const payment = await aPayment(workspace, {
    visitorId: visitor.id,
    amountCents: 19700 + 2990 + 9700,
    items: [
      { kind: 'product', name: 'Curso de confeitaria', priceCents: 19700, quantity: 1 },
      { kind: 'bump', name: 'Apostila impressa', priceCents: 2990, quantity: 1 },
      { kind: 'upsell', name: 'Mentoria', priceCents: 9700, quantity: 1 },
    ],
    customerData: {
      name: 'Maria da Silva',
      email: 'maria@exemplo.com.br',
      phone: '(11) 91234-5678',
      cpf: '529.982.247-25',
    },
  })
  return { workspace, visitor, payment }
}

async function markPaid(payment: Payment) {
  await Payment.query()
    .where('id', payment.id)
    .update({ status: 'paid', paid_at: DateTime.utc().toSQL() })
}

function deliveriesOf(workspace: Workspace) {
  return PostbackDelivery.query().where('workspace_id', workspace.id).orderBy('id', 'asc')
}

test.group('Postbacks: UTMify orders', (group) => {
  freshDatabase(group)
  let stub: StubServer
  let worker: Worker | undefined
  const defaults = { ...postbackSettings }

  group.each.setup(async () => {
    await emptyQueues()
    stub = await StubServer.start()
    return async () => {
      await worker?.close()
      worker = undefined
      Object.assign(postbackSettings, defaults)
      await stub.close()
    }
  })

  function startWorker() {
    worker = new Worker('postbacks', (job, token) => processJob('postbacks', job, token), {
      connection: queue.workerConnectionOptions(),
      prefix: queue.prefix,
    })
    return worker.waitUntilReady()
  }

  test('order payload per contract; createdAt identical from waiting_payment to paid', async ({
    assert,
  }) => {
    stub.on('POST', '/orders', { status: 200, body: { ok: true } })
    const { workspace, payment } = await utmifySale(stub)

    await PlanPaymentPostbacks.handle({
      workspaceId: workspace.id,
      paymentId: payment.id,
      status: 'pending',
    })
    await markPaid(payment)
    await PlanPaymentPostbacks.handle({
      workspaceId: workspace.id,
      paymentId: payment.id,
      status: 'paid',
    })
    const rows = await deliveriesOf(workspace)
    assert.deepEqual(
      rows.map((row) => [row.target, row.event, row.dedupeKey, row.status]),
      [
        ['utmify', 'order.waiting_payment', `utmify:${payment.id}:pending`, 'pending'],
        ['utmify', 'order.paid', `utmify:${payment.id}:paid`, 'pending'],
      ]
    )
    for (const row of rows) {
      const result = await DeliverPostback.handle({ workspaceId: workspace.id, deliveryId: row.id })
      assert.equal(result.outcome, 'succeeded')
    }

    const [waiting, paid] = stub.requestsTo('POST', '/orders')
    assert.equal(waiting.headers['x-api-token'], 'utm-token-123')
    assert.equal(waiting.body.status, 'waiting_payment')
    assert.isNull(waiting.body.approvedDate)
    assert.isNull(waiting.body.refundedAt)
    assert.equal(paid.body.status, 'paid')
    assert.match(paid.body.createdAt, /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/)
    assert.equal(paid.body.createdAt, waiting.body.createdAt)
    assert.equal(paid.body.createdAt, payment.createdAt.toUTC().toFormat('yyyy-MM-dd HH:mm:ss'))
    assert.match(paid.body.approvedDate, /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/)
    assert.property(paid.body, 'refundedAt')
    assert.isNull(paid.body.refundedAt)
    assert.include(paid.body, {
      orderId: payment.publicToken,
      platform: 'FunilDigital',
      paymentMethod: 'pix',
    })
    assert.deepEqual(paid.body.customer, {
      name: 'Maria da Silva',
      email: 'maria@exemplo.com.br',
      phone: '11912345678',
      document: '52998224725',
      country: 'BR',
      ip: '177.10.20.30',
    })
    assert.deepEqual(
      paid.body.products.map((product: any) => [
        product.name,
        product.quantity,
        product.priceInCents,
      ]),
      [
        ['Curso de confeitaria', 1, 19700],
        ['Apostila impressa', 1, 2990],
        ['Mentoria', 1, 9700],
      ]
    )
    assert.deepEqual(paid.body.trackingParameters, {
      src: 'ig-story',
      sck: 'sck-42',
      utm_source: 'facebook',
      utm_campaign: 'black-friday',
      utm_medium: 'cpc',
      utm_content: 'video-1',
      utm_term: 'curso',
    })
    assert.deepEqual(paid.body.commission, {
      totalPriceInCents: 32390,
      gatewayFeeInCents: 0,
      userCommissionInCents: 32390,
      currency: 'BRL',
    })

    const delivered = await deliveriesOf(workspace)
    for (const row of delivered) {
      assert.equal(row.status, 'succeeded')
      assert.equal(row.attempts, 1)
      assert.equal(row.responseStatus, 200)
      assert.equal(row.responseExcerpt, '{"ok":true}')
      assert.isNotNull(row.deliveredAt)
      assert.isNotNull(row.durationMs)
    }
  })

  test('two 500s then success: three attempts through the queue, one success recorded', async ({
    assert,
  }) => {
    postbackSettings.retryDelayMs = 50
    let calls = 0
    stub.on('POST', '/orders', () =>
      ++calls <= 2 ? { status: 500, body: { message: 'down' } } : { status: 200, body: { ok: 1 } }
    )
    const { workspace, payment } = await utmifySale(stub)
    await markPaid(payment)
    await startWorker()
    await queue.dispatch('payment_status_changed', {
      workspaceId: workspace.id,
      paymentId: payment.id,
      transitionId: 1,
      status: 'paid',
    })

    await waitUntil(async () => (await deliveriesOf(workspace))[0]?.status === 'succeeded')
    const [row] = await deliveriesOf(workspace)
    assert.equal(row.attempts, 3)
    assert.equal(row.responseStatus, 200)
    assert.isNull(row.lastError)
    assert.isNull(row.nextAttemptAt)
    assert.lengthOf(stub.requestsTo('POST', '/orders'), 3)
    const job = await queue.queue('postbacks').getJob(`delivery-${row.id}`)
    assert.equal(job!.attemptsMade, 3)
    assert.equal(job!.opts.attempts, postbackSettings.attempts)
  })

  test('a failed attempt records the next attempt; 400 is not retried and is dead', async ({
    assert,
  }) => {
    stub.on('POST', '/orders', { status: 503, body: { message: 'busy' } })
    const { workspace, payment } = await utmifySale(stub)
    await markPaid(payment)
    await PlanPaymentPostbacks.handle({
      workspaceId: workspace.id,
      paymentId: payment.id,
      status: 'paid',
    })
    const [row] = await deliveriesOf(workspace)

    await assert.rejects(
      () => DeliverPostback.handle({ workspaceId: workspace.id, deliveryId: row.id, attempt: 1 }),
      RetryDelivery
    )
    await row.refresh()
    assert.equal(row.status, 'failed')
    assert.equal(row.attempts, 1)
    assert.equal(row.responseStatus, 503)
    assert.equal(row.lastError, 'HTTP 503')
    const waitMs = row.nextAttemptAt!.diffNow().as('milliseconds')
    assert.isAbove(waitMs, postbackSettings.retryDelayMs - 2_000)
    assert.isBelow(waitMs, postbackSettings.retryDelayMs + 2_000)

    stub.on('POST', '/orders', { status: 400, body: { 'customer.email': 'invalid' } })
    const result = await DeliverPostback.handle({
      workspaceId: workspace.id,
      deliveryId: row.id,
      attempt: 2,
    })
    assert.equal(result.outcome, 'dead')
    await row.refresh()
    assert.equal(row.status, 'dead')
    assert.equal(row.attempts, 2)
    assert.equal(row.responseStatus, 400)
    assert.include(row.responseExcerpt!, 'customer.email')
    assert.isNull(row.nextAttemptAt)

    /** A dead letter is not sent again by a stray job. */
    const again = await DeliverPostback.handle({ workspaceId: workspace.id, deliveryId: row.id })
    assert.deepEqual(again, { outcome: 'skipped', reason: 'dead' })
    assert.lengthOf(stub.requestsTo('POST', '/orders'), 2)
  })

  test('400 through the queue: one attempt, dead, never retried', async ({ assert }) => {
    postbackSettings.retryDelayMs = 50
    stub.on('POST', '/orders', { status: 400, body: { orderId: 'required' } })
    const { workspace, payment } = await utmifySale(stub)
    await markPaid(payment)
    await startWorker()
    await queue.dispatch('payment_status_changed', {
      workspaceId: workspace.id,
      paymentId: payment.id,
      transitionId: 1,
      status: 'paid',
    })
    await waitUntil(async () => (await deliveriesOf(workspace))[0]?.status === 'dead')
    await new Promise((resolve) => setTimeout(resolve, 500))
    const [row] = await deliveriesOf(workspace)
    assert.equal(row.attempts, 1)
    assert.lengthOf(stub.requestsTo('POST', '/orders'), 1)
  })

  test('exhausted attempts leave a dead letter', async ({ assert }) => {
    stub.on('POST', '/orders', { status: 502, body: 'bad gateway' })
    const { workspace, payment } = await utmifySale(stub)
    await markPaid(payment)
    await PlanPaymentPostbacks.handle({
      workspaceId: workspace.id,
      paymentId: payment.id,
      status: 'paid',
    })
    const [row] = await deliveriesOf(workspace)
    const result = await DeliverPostback.handle({
      workspaceId: workspace.id,
      deliveryId: row.id,
      attempt: 3,
      maxAttempts: 3,
    })
    assert.equal(result.outcome, 'dead')
    await row.refresh()
    assert.equal(row.status, 'dead')
    assert.equal(row.responseExcerpt, 'bad gateway')
  })

  test('exactly one paid post per payment under duplicate jobs', async ({ assert }) => {
    stub.on('POST', '/orders', { status: 200, body: { ok: true }, delayMs: 100 })
    const { workspace, payment } = await utmifySale(stub)
    await markPaid(payment)
    await startWorker()
    const payload = {
      workspaceId: workspace.id,
      paymentId: payment.id,
      transitionId: 7,
      status: 'paid',
    }
    await Promise.all(
      Array.from({ length: 8 }, (_, index) =>
        /** Raw adds under other ids: the registry's id would collapse them before the test. */
        queue.queue('postbacks').add('payment_status_changed', payload, { jobId: `dup-${index}` })
      )
    )
    await waitUntil(async () => (await deliveriesOf(workspace))[0]?.status === 'succeeded')
    await new Promise((resolve) => setTimeout(resolve, 800))

    /** And a stray job of the row after the success sends nothing. */
    const [row] = await deliveriesOf(workspace)
    const again = await DeliverPostback.handle({ workspaceId: workspace.id, deliveryId: row.id })
    assert.deepEqual(again, { outcome: 'skipped', reason: 'succeeded' })

    assert.lengthOf(await deliveriesOf(workspace), 1)
    assert.equal(row.attempts, 1)
    assert.lengthOf(stub.requestsTo('POST', '/orders'), 1)
    assert.equal(stub.requestsTo('POST', '/orders')[0].body.status, 'paid')
  })

  test('orders past the age limit are not sent (7 days; 45 for refunds)', async ({ assert }) => {
    stub.on('POST', '/orders', { status: 200, body: {} })
    const { workspace, payment } = await utmifySale(stub)
    await Payment.query()
      .where('id', payment.id)
      .update({
        created_at: DateTime.utc().minus({ days: 8 }).toSQL(),
        status: 'refunded',
        paid_at: DateTime.utc().minus({ days: 8 }).toSQL(),
      })
    await PlanPaymentPostbacks.handle({
      workspaceId: workspace.id,
      paymentId: payment.id,
      status: 'paid',
    })
    await PlanPaymentPostbacks.handle({
      workspaceId: workspace.id,
      paymentId: payment.id,
      status: 'refunded',
    })
    const [paid, refunded] = await deliveriesOf(workspace)
    assert.deepEqual(
      await DeliverPostback.handle({ workspaceId: workspace.id, deliveryId: paid.id }),
      { outcome: 'dead', reason: 'order_too_old', attempts: 0 }
    )
    assert.equal(
      (await DeliverPostback.handle({ workspaceId: workspace.id, deliveryId: refunded.id }))
        .outcome,
      'succeeded'
    )
    await paid.refresh()
    assert.equal(paid.status, 'dead')
    assert.equal(paid.lastError, 'order_too_old')
    const posts = stub.requestsTo('POST', '/orders')
    assert.lengthOf(posts, 1)
    assert.equal(posts[0].body.status, 'refunded')
    assert.match(posts[0].body.refundedAt, /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/)
  })

  test('nothing is planned without a UTMify credential, nor for expired; other workspace → 404', async ({
    assert,
  }) => {
    const { workspace, payment } = await utmifySale(stub, { credential: false })
    assert.deepEqual(
      await PlanPaymentPostbacks.handle({
        workspaceId: workspace.id,
        paymentId: payment.id,
        status: 'paid',
      }),
      { planned: 0, dispatched: 0 }
    )
    const other = await utmifySale(stub)
    assert.deepEqual(
      await PlanPaymentPostbacks.handle({
        workspaceId: other.workspace.id,
        paymentId: other.payment.id,
        status: 'expired',
      }),
      { planned: 0, dispatched: 0 }
    )
    await assert.rejects(() =>
      PlanPaymentPostbacks.handle({
        workspaceId: other.workspace.id,
        paymentId: payment.id,
        status: 'paid',
      })
    )
    assert.lengthOf(await deliveriesOf(workspace), 0)
    assert.lengthOf(await deliveriesOf(other.workspace), 0)
  })
})
