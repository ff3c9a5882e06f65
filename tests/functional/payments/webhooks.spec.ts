import { test } from '@japa/runner'
import Payment from '#models/payment'
import PaymentTransition from '#models/payment_transition'
import WebhookEvent from '#models/webhook_event'
import CheckoutConfig from '#models/checkout_config'
import ProcessWebhookEvent from '#actions/payments/process_webhook_event'
import { CredentialFactory } from '#database/factories/credential_factory'
import { publish } from '#tests/helpers/publish'
import { freshDatabase } from '#tests/helpers/database'
import { apiToken, createTenant, workspaceMember } from '#tests/helpers/tenants'
import queue from '#services/queue'
import { BUYER, aPayment, emptyQueues, sellingFunnel } from '#tests/functional/payments/helpers'
import { SkalePayStub } from '#tests/functional/payments/skalepay_stub'
import { route } from '#tests/helpers/routes'

async function skalePayTenant(stub: SkalePayStub, key = 'sk_test_valid') {
  const tenant = await createTenant()
  await CredentialFactory.merge({
    workspaceId: tenant.workspace.id,
    service: 'skalepay',
    apiKey: key,
    apiUrl: stub.apiUrl,
  }).create()
  const funnel = await sellingFunnel(tenant.workspace)
  return { ...tenant, ...funnel }
}

test.group('Webhooks: the inbox', (group) => {
  freshDatabase(group)
  group.each.setup(() => emptyQueues())

  test('a wrong or missing token is a 404 and stores nothing', async ({ client, assert }) => {
    const { workspace } = await createTenant()
    const body = { id: 'tx1', status: 'paid' }
    for (const path of [
      route('api.payments.webhook'),
      route('api.payments.webhook', {}, { qs: { token: 'wrong-token-0123456789' } }),
      route('api.payments.webhook.token', { token: 'wrong-token-0123456789' }),
      `/api/payments/webhook/${workspace.webhookToken}x`,
    ]) {
      const response = await client.post(path).json(body)
      response.assertStatus(404)
    }
    assert.lengthOf(await WebhookEvent.all(), 0)
  })

  test('envelope and flat shapes are stored raw once per fact, answered 200, enqueued once', async ({
    client,
    assert,
  }) => {
    const { workspace } = await createTenant()
    const envelope = {
      id: 'evt_1',
      type: 'transaction',
      objectId: '777',
      data: { id: '777', status: 'paid', externalRef: 'abc', amount: 100 },
    }
    const first = await client
      .post(route('api.payments.webhook.token', { token: workspace.webhookToken }))
      .header('x-request-id', 'r1')
      .header('x-webhook-token', 'must-not-be-kept')
      .json(envelope)
    first.assertStatus(200)
    assert.deepEqual(first.body(), { received: true, duplicate: false })

    const again = await client
      .post(`${route('api.payments.webhook')}?token=${workspace.webhookToken}`)
      .json({
        id: '777',
        status: 'paid',
      })
    again.assertStatus(200)
    assert.isTrue(again.body().duplicate, 'the flat redelivery of the same fact collapses')

    const other = await client
      .post(route('api.payments.webhook.token', { token: workspace.webhookToken }))
      .json({ id: '777', status: 'waiting_payment' })
    other.assertStatus(200)

    const rows = await WebhookEvent.query().where('workspace_id', workspace.id).orderBy('id')
    assert.deepEqual(
      rows.map((r) => [r.gateway, r.eventKey, r.externalId]),
      [
        ['skalepay', '777:paid', '777'],
        ['skalepay', '777:waiting_payment', '777'],
      ]
    )
    assert.deepEqual(JSON.parse(rows[0].rawBody), envelope)
    assert.equal(rows[0].headers['x-request-id'], 'r1')
    assert.notProperty(rows[0].headers, 'x-webhook-token')
    const jobs = await queue.queue('webhooks').getJobs(['waiting', 'delayed'])
    assert.sameMembers(
      jobs.map((j) => j.data.webhookEventId),
      rows.map((r) => Number(r.id))
    )
  })

  test('an unrecognised body is kept (visible, with an error) but not processed', async ({
    client,
    assert,
  }) => {
    const { workspace } = await createTenant()
    const response = await client
      .post(route('api.payments.webhook.token', { token: workspace.webhookToken }))
      .json({ hello: 'world' })
    response.assertStatus(200)
    const row = await WebhookEvent.query().where('workspace_id', workspace.id).firstOrFail()
    assert.match(row.error!, /unrecognised/)
    assert.lengthOf(await queue.queue('webhooks').getJobs(['waiting', 'delayed']), 0)
  })
})

test.group('Webhooks: SkalePay end to end against a stub', (group) => {
  freshDatabase(group)
  group.each.setup(() => emptyQueues())
  let stub: SkalePayStub
  group.each.setup(async () => {
    stub = await SkalePayStub.start()
    return () => stub.close()
  })

  test('create: Basic auth, server-side amount, postbackUrl with the workspace token', async ({
    client,
    assert,
  }) => {
    const { owner, workspace, funnel, checkout } = await skalePayTenant(stub)
    const response = await client
      .post(route('api.payments.create'))
      .bearerToken(await apiToken(owner, workspace))
      .json({ funnelId: funnel.id, stepId: checkout.id, customer: BUYER, bumps: [0] })
    response.assertStatus(201)
    const body = response.body().payment
    assert.equal(body.gateway, 'skalepay')
    assert.equal(body.amountCents, 19700 + 2990)

    const [sent] = stub.server.requestsTo('POST', '/v1/transactions')
    assert.equal(
      sent.headers.authorization,
      `Basic ${Buffer.from('sk_test_valid:x').toString('base64')}`
    )
    assert.equal(sent.body.amount, 22690)
    assert.equal(sent.body.paymentMethod, 'pix')
    assert.deepEqual(sent.body.customer.document, { type: 'cpf', number: '52998224725' })
    assert.equal(sent.body.customer.phone, '11912345678')
    assert.deepEqual(
      sent.body.items.map((i: any) => [i.title, i.unitPrice, i.quantity, i.tangible]),
      [
        ['Curso de Confeitaria', 19700, 1, false],
        ['Apostila impressa', 2990, 1, false],
      ]
    )
    assert.equal(sent.body.externalRef, body.publicToken)
    assert.match(
      sent.body.postbackUrl,
      new RegExp(`/api/payments/webhook/${workspace.webhookToken}$`)
    )

    const payment = await Payment.findOrFail(body.id)
    assert.equal(payment.externalId, stub.transactions.keys().next().value)
    assert.equal(payment.pixCode, stub.transactions.get(payment.externalId!)!.pix.qrcode)
  })

  test('postback → worker re-reads the gateway and applies ITS status, not the postback', async ({
    client,
    assert,
  }) => {
    const { owner, workspace, funnel, checkout } = await skalePayTenant(stub)
    const created = await client
      .post(route('api.payments.create'))
      .bearerToken(await apiToken(owner, workspace))
      .json({ funnelId: funnel.id, stepId: checkout.id, customer: BUYER })
    const payment = await Payment.findOrFail(created.body().payment.id)

    /** A forged "paid" while the gateway still says waiting_payment changes nothing. */
    await client
      .post(route('api.payments.webhook.token', { token: workspace.webhookToken }))
      .json(stub.postback(payment.externalId!, 'flat', 'paid'))
    const forged = await WebhookEvent.query().where('workspace_id', workspace.id).firstOrFail()
    const result = await ProcessWebhookEvent.handle({
      workspaceId: workspace.id,
      webhookEventId: Number(forged.id),
    })
    assert.equal(result.outcome, 'unchanged')
    await payment.refresh()
    assert.equal(payment.status, 'pending')
    assert.lengthOf(stub.server.requestsTo('GET', `/v1/transactions/${payment.externalId}`), 1)

    /** The buyer pays at the gateway; the real postback (envelope) arrives. */
    stub.setStatus(payment.externalId!, 'paid')
    await client
      .post(route('api.payments.webhook.token', { token: workspace.webhookToken }))
      .json({ ...stub.postback(payment.externalId!), id: 'evt_second' })
    /** `…:paid` already exists (the forged one): the genuine delivery collapses onto it. */
    const rows = await WebhookEvent.query().where('workspace_id', workspace.id)
    assert.lengthOf(rows, 1)
    await WebhookEvent.query().where('id', forged.id).update({ processed_at: null })
    await ProcessWebhookEvent.handle({
      workspaceId: workspace.id,
      webhookEventId: Number(forged.id),
    })
    await payment.refresh()
    assert.equal(payment.status, 'paid')
    assert.isNotNull(payment.paidAt)
    const transition = await PaymentTransition.query()
      .where('payment_id', payment.id)
      .where('to_status', 'paid')
      .firstOrFail()
    assert.equal(transition.source, 'webhook')
    assert.equal(Number(transition.webhookEventId), Number(forged.id))
    assert.equal(transition.details.gatewayStatus, 'paid')
    const processed = await WebhookEvent.findOrFail(forged.id)
    assert.isNotNull(processed.processedAt)
    assert.equal(processed.paymentId, payment.id)
    assert.isNull(processed.error)
  })

  test('out of order: paid, then a late waiting_payment postback, does not regress', async ({
    client,
    assert,
  }) => {
    const { owner, workspace, funnel, checkout } = await skalePayTenant(stub)
    const created = await client
      .post(route('api.payments.create'))
      .bearerToken(await apiToken(owner, workspace))
      .json({ funnelId: funnel.id, stepId: checkout.id, customer: BUYER })
    const payment = await Payment.findOrFail(created.body().payment.id)
    stub.setStatus(payment.externalId!, 'paid')
    for (const status of ['paid', 'waiting_payment']) {
      await client
        .post(route('api.payments.webhook.token', { token: workspace.webhookToken }))
        .json(stub.postback(payment.externalId!, 'envelope', status))
    }
    const rows = await WebhookEvent.query().where('workspace_id', workspace.id).orderBy('id')
    assert.lengthOf(rows, 2)
    for (const row of rows) {
      await ProcessWebhookEvent.handle({
        workspaceId: workspace.id,
        webhookEventId: Number(row.id),
      })
    }
    /** Even if the gateway itself went back to waiting_payment, a paid payment stays paid. */
    stub.setStatus(payment.externalId!, 'waiting_payment')
    await WebhookEvent.query().where('id', rows[1].id).update({ processed_at: null })
    await ProcessWebhookEvent.handle({
      workspaceId: workspace.id,
      webhookEventId: Number(rows[1].id),
    })
    await payment.refresh()
    assert.equal(payment.status, 'paid')
    const transitions = await PaymentTransition.query()
      .where('payment_id', payment.id)
      .orderBy('id')
    assert.deepEqual(
      transitions.map((t) => t.toStatus),
      ['pending', 'paid']
    )
  })

  test('a refused transaction fails the payment; chargeback after paid is applied', async ({
    client,
    assert,
  }) => {
    const { owner, workspace, funnel, checkout } = await skalePayTenant(stub)
    const token = await apiToken(owner, workspace)
    const make = async () => {
      const created = await client
        .post(route('api.payments.create'))
        .bearerToken(token)
        .json({ funnelId: funnel.id, stepId: checkout.id, customer: BUYER })
      return Payment.findOrFail(created.body().payment.id)
    }
    const refused = await make()
    stub.setStatus(refused.externalId!, 'refused')
    await client
      .post(route('api.payments.webhook.token', { token: workspace.webhookToken }))
      .json(stub.postback(refused.externalId!))
    const paid = await make()
    stub.setStatus(paid.externalId!, 'paid')
    await client
      .post(route('api.payments.webhook.token', { token: workspace.webhookToken }))
      .json(stub.postback(paid.externalId!))
    for (const row of await WebhookEvent.query().where('workspace_id', workspace.id)) {
      await ProcessWebhookEvent.handle({
        workspaceId: workspace.id,
        webhookEventId: Number(row.id),
      })
    }
    stub.setStatus(paid.externalId!, 'chargedback')
    await client
      .post(route('api.payments.webhook.token', { token: workspace.webhookToken }))
      .json(stub.postback(paid.externalId!))
    const chargeback = await WebhookEvent.query()
      .where('workspace_id', workspace.id)
      .where('event_key', `${paid.externalId}:chargedback`)
      .firstOrFail()
    await ProcessWebhookEvent.handle({
      workspaceId: workspace.id,
      webhookEventId: Number(chargeback.id),
    })
    await refused.refresh()
    await paid.refresh()
    assert.equal(refused.status, 'failed')
    assert.equal(paid.status, 'chargedback')
  })

  test('401 from the gateway: friendly 502, payment recorded as failed with the reason', async ({
    client,
    assert,
  }) => {
    const { owner, workspace, funnel, checkout } = await skalePayTenant(stub, 'sk_test_revoked')
    const response = await client
      .post(route('api.payments.create'))
      .bearerToken(await apiToken(owner, workspace))
      .json({ funnelId: funnel.id, stepId: checkout.id, customer: BUYER })
    response.assertStatus(502)
    assert.equal(response.body().errors[0].rule, 'gateway')
    assert.include(response.body().errors[0].message, 'mal configurado')
    assert.notInclude(JSON.stringify(response.body()), 'Unauthorized')
    const payment = await Payment.query().where('workspace_id', workspace.id).firstOrFail()
    assert.equal(payment.status, 'failed')
    const failed = await PaymentTransition.query()
      .where('payment_id', payment.id)
      .where('to_status', 'failed')
      .firstOrFail()
    assert.equal(failed.details.reason, 'invalid_credentials')
  })

  test('5xx from the gateway: 502 "indisponível"; processing errors are recorded and retried', async ({
    client,
    assert,
  }) => {
    const { owner, workspace, funnel, checkout } = await skalePayTenant(stub)
    const token = await apiToken(owner, workspace)
    const created = await client
      .post(route('api.payments.create'))
      .bearerToken(token)
      .json({ funnelId: funnel.id, stepId: checkout.id, customer: BUYER })
    const payment = await Payment.findOrFail(created.body().payment.id)

    stub.server.on('POST', '/v1/transactions', { status: 503, body: { message: 'maintenance' } })
    stub.server.on('GET', '/v1/transactions/:id', { status: 500, body: { message: 'boom' } })
    const down = await client
      .post(route('api.payments.create'))
      .bearerToken(token)
      .json({ funnelId: funnel.id, stepId: checkout.id, customer: BUYER })
    down.assertStatus(502)
    assert.include(down.body().errors[0].message, 'indisponível')

    await client
      .post(route('api.payments.webhook.token', { token: workspace.webhookToken }))
      .json({ id: payment.externalId, status: 'paid' })
    const row = await WebhookEvent.query().where('workspace_id', workspace.id).firstOrFail()
    for (let attempt = 1; attempt <= 2; attempt++) {
      await assert.rejects(() =>
        ProcessWebhookEvent.handle({ workspaceId: workspace.id, webhookEventId: Number(row.id) })
      )
    }
    await row.refresh()
    assert.equal(row.attempts, 2)
    assert.match(row.error!, /unavailable/)
    assert.isNull(row.processedAt)
    await payment.refresh()
    assert.equal(payment.status, 'pending')
    const job = await queue.queue('webhooks').getJob(`webhook-${row.id}`)
    assert.equal(job!.opts.attempts, 8)
    assert.deepEqual(job!.opts.backoff, { type: 'exponential', delay: 2_000 })
  })

  test('validation of the gateway answer: 400 field errors → friendly "recusou"', async ({
    client,
    assert,
  }) => {
    const { owner, workspace, funnel, checkout } = await skalePayTenant(stub)
    await CheckoutConfig.query()
      .where('step_id', checkout.id)
      .update({
        fields_config: JSON.stringify({ name: true, email: true, phone: false, cpf: false }),
      })
    await publish(funnel)
    const response = await client
      .post(route('api.payments.create'))
      .bearerToken(await apiToken(owner, workspace))
      .json({
        funnelId: funnel.id,
        stepId: checkout.id,
        customer: { name: 'Ana', email: 'a@b.com' },
      })
    response.assertStatus(502)
    assert.include(response.body().errors[0].message, 'recusou')
  })
})

test.group('Sandbox: marcar como pago through the inbox', (group) => {
  freshDatabase(group)
  group.each.setup(() => emptyQueues())

  test('the API mark stores a sandbox postback that processing turns into paid', async ({
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
    const id = created.body().payment.id
    const marked = await client
      .post(route('api.payments.mark', { id }))
      .bearerToken(token)
      .json({ status: 'paid' })
    marked.assertStatus(202)
    const row = await WebhookEvent.findOrFail(marked.body().webhookEventId)
    assert.equal(row.gateway, 'sandbox')
    assert.equal(row.eventKey, `sbx_${created.body().payment.publicToken}:paid`)
    assert.equal(JSON.parse(row.rawBody).type, 'transaction')
    assert.equal(
      (await Payment.findOrFail(id)).status,
      'pending',
      'nothing applied before the worker'
    )

    await ProcessWebhookEvent.handle({ workspaceId: workspace.id, webhookEventId: Number(row.id) })
    const payment = await Payment.findOrFail(id)
    assert.equal(payment.status, 'paid')
    const transition = await PaymentTransition.query()
      .where('payment_id', id)
      .where('to_status', 'paid')
      .firstOrFail()
    assert.equal(transition.source, 'webhook')

    const again = await client
      .post(route('api.payments.mark', { id }))
      .bearerToken(token)
      .json({ status: 'refused' })
    again.assertStatus(409)
  })

  test('mark: 422 on a bad status, 404 across workspaces, 403 for a viewer, 422 for SkalePay payments', async ({
    client,
    assert,
  }) => {
    const { owner, workspace } = await createTenant()
    const other = await createTenant()
    const payment = await aPayment(workspace, { externalId: 'sbx_x' })
    const foreign = await aPayment(other.workspace)
    const real = await aPayment(workspace, { gateway: 'skalepay', externalId: '1' })
    const token = await apiToken(owner, workspace)
    const bad = await client
      .post(route('api.payments.mark', { id: payment.id }))
      .bearerToken(token)
      .json({ status: 'chargedback' })
    bad.assertStatus(422)
    assert.equal(bad.body().errors[0].field, 'status')
    const cross = await client
      .post(route('api.payments.mark', { id: foreign.id }))
      .bearerToken(token)
      .json({ status: 'paid' })
    cross.assertStatus(404)
    const viewer = await workspaceMember(workspace, 'viewer')
    const forbidden = await client
      .post(route('api.payments.mark', { id: payment.id }))
      .bearerToken(await apiToken(viewer, workspace))
      .json({ status: 'paid' })
    forbidden.assertStatus(403)
    const notSandbox = await client
      .post(route('api.payments.mark', { id: real.id }))
      .bearerToken(token)
      .json({ status: 'paid' })
    notSandbox.assertStatus(422)
    assert.lengthOf(await WebhookEvent.all(), 0)
  })
})
