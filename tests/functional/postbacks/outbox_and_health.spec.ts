import { test } from '@japa/runner'
import PaymentTransition from '#models/payment_transition'
import PostbackDelivery from '#models/postback_delivery'
import Credential from '#models/credential'
import type Workspace from '#models/workspace'
import ApplyPaymentTransition from '#actions/payments/apply_payment_transition'
import SweepUnplannedPostbacks from '#actions/postbacks/sweep_unplanned_postbacks'
import PlanPaymentPostbacks from '#actions/postbacks/plan_payment_postbacks'
import DeliverPostback from '#actions/postbacks/deliver_postback'
import TestCredentialConnection from '#actions/credentials/test_credential_connection'
import { CredentialFactory } from '#database/factories/credential_factory'
import { freshDatabase } from '#tests/helpers/database'
import { apiToken, createTenant } from '#tests/helpers/tenants'
import { StubServer } from '#tests/helpers/stub_server'
import { BUYER, aPayment, emptyQueues, sellingFunnel } from '#tests/functional/payments/helpers'
import { processJob } from '#workers/processors'
import queue from '#services/queue'
import { asInertia } from '#tests/helpers/inertia'
import { route } from '#tests/helpers/routes'

async function utmifyWorkspace(stub: StubServer) {
  const tenant = await createTenant()
  const credential = await CredentialFactory.merge({
    workspaceId: tenant.workspace.id,
    service: 'utmify',
    name: 'UTMify',
    apiKey: 'utm-token-123',
    apiUrl: stub.url,
  }).create()
  return { ...tenant, credential }
}

function deliveriesOf(workspace: Workspace) {
  return PostbackDelivery.query().where('workspace_id', workspace.id).orderBy('id', 'asc')
}

async function transitionTo(workspace: Workspace, paymentId: number, to: 'paid' | 'refunded') {
  const outcome = await ApplyPaymentTransition.handle({
    workspaceId: workspace.id,
    paymentId,
    to,
    source: 'admin',
  })
  return PaymentTransition.query()
    .where('payment_id', paymentId)
    .where('to_status', to)
    .firstOrFail()
    .then((row) => ({ outcome, transition: row }))
}

test.group('Postbacks: the outbox sweep plans facts whose job was lost', (group) => {
  freshDatabase(group)
  let stub: StubServer
  group.each.setup(async () => {
    await emptyQueues()
    stub = await StubServer.start()
    stub.on('POST', '/orders', { status: 200, body: { ok: true } })
    return () => stub.close()
  })

  test('a transition whose postbacks job vanished is planned by the sweep, once', async ({
    assert,
  }) => {
    const { workspace } = await utmifyWorkspace(stub)
    const payment = await aPayment(workspace, { status: 'pending' })
    const { transition } = await transitionTo(workspace, payment.id, 'paid')
    assert.isNull(transition.postbacksPlannedAt)
    /** The enqueue after the commit is lost (crash, Redis flushed): nothing will plan it. */
    await emptyQueues()

    /** Inside the grace period the regular job may still be on its way: left alone. */
    assert.deepEqual(await SweepUnplannedPostbacks.handle(), { planned: 0, found: 0 })

    assert.deepEqual(await SweepUnplannedPostbacks.handle({ graceSeconds: 0 }), {
      planned: 1,
      found: 1,
    })
    await transition.refresh()
    assert.isNotNull(transition.postbacksPlannedAt)
    const rows = await deliveriesOf(workspace)
    assert.deepEqual(
      rows.map((row) => [row.target, row.dedupeKey, row.status]),
      [['utmify', `utmify:${payment.id}:paid`, 'pending']]
    )
    const jobs = await queue.queue('postbacks').getJobs(['waiting', 'delayed'])
    assert.deepEqual(
      jobs.map((job) => [job.name, job.data.deliveryId]),
      [['deliver_postback', Number(rows[0].id)]]
    )

    /** Planned facts are not found again; a late regular job adds nothing either. */
    assert.deepEqual(await SweepUnplannedPostbacks.handle({ graceSeconds: 0 }), {
      planned: 0,
      found: 0,
    })
    await PlanPaymentPostbacks.handle({
      workspaceId: workspace.id,
      paymentId: payment.id,
      status: 'paid',
      transitionId: Number(transition.id),
    })
    assert.lengthOf(await deliveriesOf(workspace), 1)
  })

  test('the regular job marks its transition, so the sweep has nothing to do', async ({
    assert,
  }) => {
    const { workspace } = await utmifyWorkspace(stub)
    const payment = await aPayment(workspace, { status: 'pending' })
    const { transition } = await transitionTo(workspace, payment.id, 'paid')
    const [job] = (await queue.queue('postbacks').getJobs(['waiting'])).filter(
      (candidate) => candidate.name === 'payment_status_changed'
    )
    assert.equal(job.data.transitionId, Number(transition.id))
    await processJob('postbacks', job)
    await transition.refresh()
    assert.isNotNull(transition.postbacksPlannedAt)
    assert.deepEqual(await SweepUnplannedPostbacks.handle({ graceSeconds: 0 }), {
      planned: 0,
      found: 0,
    })
    assert.lengthOf(await deliveriesOf(workspace), 1)
  })

  test('a new PIX announces its pending transition; the job marks it, the sweep has nothing left', async ({
    assert,
    client,
  }) => {
    const { workspace, owner } = await utmifyWorkspace(stub)
    const { funnel, checkout } = await sellingFunnel(workspace)
    const created = await client
      .post(route('api.payments.create'))
      .bearerToken(await apiToken(owner, workspace))
      .json({ funnelId: funnel.id, stepId: checkout.id, customer: BUYER })
    created.assertStatus(201)
    const creation = await PaymentTransition.query()
      .where('workspace_id', workspace.id)
      .where('to_status', 'pending')
      .firstOrFail()
    const [job] = (await queue.queue('postbacks').getJobs(['waiting'])).filter(
      (candidate) => candidate.name === 'payment_status_changed'
    )
    assert.deepInclude(job.data, { transitionId: Number(creation.id), status: 'pending' })
    await processJob('postbacks', job)
    await creation.refresh()
    assert.isNotNull(creation.postbacksPlannedAt)
    assert.deepEqual(await SweepUnplannedPostbacks.handle({ graceSeconds: 0 }), {
      planned: 0,
      found: 0,
    })
    const [delivery] = await deliveriesOf(workspace)
    assert.equal(delivery.event, 'order.waiting_payment')
  })

  test('"PIX generated" is the creation’s pending transition; a charge refused at creation announces nothing', async ({
    assert,
  }) => {
    const { workspace } = await utmifyWorkspace(stub)
    const generated = await aPayment(workspace, { status: 'pending', pixCode: '000201...' })
    const refused = await aPayment(workspace, { status: 'failed', pixCode: null, externalId: null })
    for (const payment of [generated, refused]) {
      await PaymentTransition.create({
        workspaceId: workspace.id,
        paymentId: payment.id,
        fromStatus: null,
        toStatus: 'pending',
        source: 'checkout',
        details: {},
      })
    }
    assert.deepEqual(await SweepUnplannedPostbacks.handle({ graceSeconds: 0 }), {
      planned: 2,
      found: 2,
    })
    const rows = await deliveriesOf(workspace)
    assert.deepEqual(
      rows.map((row) => [row.event, row.paymentId]),
      [['order.waiting_payment', generated.id]]
    )
    const unplanned = await PaymentTransition.query()
      .where('workspace_id', workspace.id)
      .whereNull('postbacks_planned_at')
    assert.lengthOf(unplanned, 0)
  })
})

test.group('Postbacks: a refused key marks the credential', (group) => {
  freshDatabase(group)
  let stub: StubServer
  group.each.setup(async () => {
    await emptyQueues()
    stub = await StubServer.start()
    return () => stub.close()
  })

  test('UTMify 401 → dead delivery and credential "invalid"; a later success → "ok"', async ({
    assert,
    client,
  }) => {
    stub.on('POST', '/orders', { status: 401, body: { message: 'invalid token' } })
    const { workspace, credential, owner } = await utmifyWorkspace(stub)
    await credential.refresh()
    assert.equal(credential.healthStatus, 'unknown')
    const payment = await aPayment(workspace, { status: 'pending', pixCode: '000201...' })
    await PlanPaymentPostbacks.handle({
      workspaceId: workspace.id,
      paymentId: payment.id,
      status: 'pending',
    })
    const [row] = await deliveriesOf(workspace)
    const result = await DeliverPostback.handle({ workspaceId: workspace.id, deliveryId: row.id })
    assert.equal(result.outcome, 'dead', '401 is not retried')
    await credential.refresh()
    assert.equal(credential.healthStatus, 'invalid')
    assert.equal(credential.healthError, 'HTTP 401')
    assert.isNotNull(credential.healthCheckedAt)

    /** The agency sees it on the credentials page. */
    const page = await asInertia(
      client.get(route('w.credentials.index', { workspaceSlug: workspace.slug })).loginAs(owner)
    )
    const listed = page.body().props.credentials.find((item: any) => item.id === credential.id)
    assert.equal(listed.health, 'invalid')

    stub.on('POST', '/orders', { status: 200, body: { ok: true } })
    await PlanPaymentPostbacks.handle({
      workspaceId: workspace.id,
      paymentId: payment.id,
      status: 'paid',
    })
    const paid = (await deliveriesOf(workspace)).find(
      (delivery) => delivery.event === 'order.paid'
    )!
    assert.equal(
      (await DeliverPostback.handle({ workspaceId: workspace.id, deliveryId: paid.id })).outcome,
      'succeeded'
    )
    await credential.refresh()
    assert.equal(credential.healthStatus, 'ok')
    assert.isNull(credential.healthError)
  })

  test('"testar conexão" records the health; a new key resets it', async ({ assert, client }) => {
    stub.on('POST', '/orders', { status: 403, body: { message: 'forbidden' } })
    const { credential, owner, workspace } = await utmifyWorkspace(stub)
    const outcome = await TestCredentialConnection.handle({ credential })
    assert.equal(outcome.status, 'invalid_credentials')
    const stored = await Credential.findOrFail(credential.id)
    assert.equal(stored.healthStatus, 'invalid')

    const base = route('w.credentials.index', { workspaceSlug: workspace.slug })
    const response = await asInertia(
      client
        .put(`${base}/${credential.id}`)
        .header('referer', base)
        .json({ name: 'UTMify', apiKey: 'utm-token-novo-456', apiSecret: '', apiUrl: stub.url })
        .withCsrfToken()
        .loginAs(owner)
        .redirects(0)
    )
    response.assertStatus(303)
    await stored.refresh()
    assert.equal(stored.apiKey, 'utm-token-novo-456')
    assert.equal(stored.healthStatus, 'unknown')
  })
})
