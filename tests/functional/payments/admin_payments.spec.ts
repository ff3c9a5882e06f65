import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import Payment from '#models/payment'
import WebhookEvent from '#models/webhook_event'
import ApplyPaymentTransition from '#actions/payments/apply_payment_transition'
import ProcessWebhookEvent from '#actions/payments/process_webhook_event'
import { CredentialFactory } from '#database/factories/credential_factory'
import { freshDatabase } from '#tests/helpers/database'
import { asInertia } from '#tests/helpers/inertia'
import { apiToken, createTenant, workspaceMember } from '#tests/helpers/tenants'
import { BUYER, aPayment, emptyQueues, sellingFunnel } from '#tests/functional/payments/helpers'
import { SkalePayStub } from '#tests/functional/payments/skalepay_stub'
import { route } from '#tests/helpers/routes'

test.group('Admin payments: list, detail, actions', (group) => {
  freshDatabase(group)
  group.each.setup(() => emptyQueues())

  test('list: newest first, filters by status, funnel and period, totals apart', async ({
    client,
    assert,
  }) => {
    const { owner, workspace } = await createTenant()
    const a = await sellingFunnel(workspace)
    const b = await sellingFunnel(workspace)
    const old = DateTime.fromISO('2026-01-10T12:00:00', { zone: 'America/Sao_Paulo' })
    await aPayment(workspace, {
      funnelId: a.funnel.id,
      status: 'paid',
      amountCents: 10000,
      createdAt: old,
    })
    await aPayment(workspace, { funnelId: a.funnel.id, status: 'paid', amountCents: 5000 })
    await aPayment(workspace, { funnelId: b.funnel.id, status: 'pending', amountCents: 700 })
    await aPayment(workspace, { funnelId: b.funnel.id, status: 'expired', amountCents: 300 })
    await aPayment(workspace, { funnelId: a.funnel.id, status: 'refunded', amountCents: 900 })
    await aPayment((await createTenant()).workspace, { status: 'paid', amountCents: 99999 })

    const base = route('w.payments.index', { workspaceSlug: workspace.slug })
    const all = await asInertia(client.get(base).loginAs(owner))
    all.assertStatus(200)
    assert.equal(all.body().component, 'payments/index')
    const props = all.body().props
    assert.equal(props.payments.meta.total, 5)
    assert.deepEqual(props.totals, {
      paid: { count: 2, cents: 15000 },
      pending: { count: 1, cents: 700 },
      failed: { count: 1, cents: 300 },
      refunded: { count: 1, cents: 900 },
    })
    assert.isTrue(
      props.payments.data.every(
        (p: any, i: number, list: any[]) => i === 0 || list[i - 1].createdAt >= p.createdAt
      )
    )

    const paid = await asInertia(
      client.get(`${base}?status=paid&funnelId=${a.funnel.id}`).loginAs(owner)
    )
    assert.deepEqual(
      paid
        .body()
        .props.payments.data.map((p: any) => p.amountCents)
        .sort(),
      [10000, 5000].sort()
    )
    assert.equal(paid.body().props.payments.data[0].funnelName, a.funnel.name)

    const january = await asInertia(
      client.get(`${base}?from=2026-01-01&to=2026-01-31`).loginAs(owner)
    )
    assert.equal(january.body().props.payments.meta.total, 1)
    assert.deepEqual(january.body().props.totals.paid, { count: 1, cents: 10000 })
    assert.deepEqual(january.body().props.filters, {
      status: null,
      funnelId: null,
      from: '2026-01-01',
      to: '2026-01-31',
    })
  })

  test('detail: items, timeline of transitions and webhooks; upsells listed', async ({
    client,
    assert,
  }) => {
    const { owner, workspace } = await createTenant()
    const { funnel, checkout } = await sellingFunnel(workspace)
    const created = await client
      .post(route('api.payments.create'))
      .bearerToken(await apiToken(owner, workspace))
      .json({ funnelId: funnel.id, stepId: checkout.id, customer: BUYER, bumps: [0] })
    const id = created.body().payment.id
    const marked = await client
      .post(route('w.payments.mark', { workspaceSlug: workspace.slug, id }))
      .form({ status: 'paid' })
      .withCsrfToken()
      .loginAs(owner)
      .redirects(0)
    marked.assertStatus(302)
    marked.assertFlashMessage(
      'success',
      'Postback do sandbox enviado: o pagamento será confirmado em instantes.'
    )
    const event = await WebhookEvent.query().where('workspace_id', workspace.id).firstOrFail()
    await ProcessWebhookEvent.handle({
      workspaceId: workspace.id,
      webhookEventId: Number(event.id),
    })
    const child = await aPayment(workspace, { funnelId: funnel.id, parentPaymentId: id })

    const response = await asInertia(
      client.get(route('w.payments.show', { workspaceSlug: workspace.slug, id })).loginAs(owner)
    )
    response.assertStatus(200)
    const props = response.body().props
    assert.equal(response.body().component, 'payments/show')
    assert.equal(props.payment.status, 'paid')
    assert.deepEqual(
      props.payment.items.map((i: any) => i.kind),
      ['product', 'bump']
    )
    assert.deepEqual(
      props.transitions.map((t: any) => [t.fromStatus, t.toStatus, t.source]),
      [
        [null, 'pending', 'api'],
        ['pending', 'paid', 'webhook'],
      ]
    )
    assert.equal(props.transitions[1].webhookEventId, Number(event.id))
    assert.lengthOf(props.webhookEvents, 1)
    assert.isNotNull(props.webhookEvents[0].processedAt)
    assert.deepEqual(
      props.childPayments.map((c: any) => c.id),
      [child.id]
    )
  })

  test('reconsultar gateway applies what SkalePay says now', async ({ client, assert }) => {
    const stub = await SkalePayStub.start()
    try {
      const { owner, workspace } = await createTenant()
      await CredentialFactory.merge({
        workspaceId: workspace.id,
        service: 'skalepay',
        apiKey: 'sk_test_valid',
        apiUrl: stub.apiUrl,
      }).create()
      const { funnel, checkout } = await sellingFunnel(workspace)
      const created = await client
        .post(route('api.payments.create'))
        .bearerToken(await apiToken(owner, workspace))
        .json({ funnelId: funnel.id, stepId: checkout.id, customer: BUYER })
      const payment = await Payment.findOrFail(created.body().payment.id)
      stub.setStatus(payment.externalId!, 'paid')
      const refreshed = await client
        .post(route('w.payments.refresh', { workspaceSlug: workspace.slug, id: payment.id }))
        .withCsrfToken()
        .loginAs(owner)
        .redirects(0)
      refreshed.assertStatus(302)
      refreshed.assertFlashMessage(
        'success',
        'Gateway consultado (paid): pagamento agora está Pago.'
      )
      await payment.refresh()
      assert.equal(payment.status, 'paid')
    } finally {
      await stub.close()
    }
  })

  test("another workspace's payment is a 404 on every route; a viewer reads but cannot write", async ({
    client,
    assert,
  }) => {
    const { owner, workspace } = await createTenant()
    const other = await createTenant()
    const foreign = await aPayment(other.workspace, { externalId: 'sbx_f' })
    const own = await aPayment(workspace, { externalId: 'sbx_o' })
    const base = route('w.payments.index', { workspaceSlug: workspace.slug })
    ;(await asInertia(client.get(`${base}/${foreign.id}`).loginAs(owner))).assertStatus(404)
    for (const action of ['mark', 'refresh']) {
      const response = await client
        .post(`${base}/${foreign.id}/${action}`)
        .form({ status: 'paid' })
        .withCsrfToken()
        .loginAs(owner)
        .redirects(0)
      response.assertStatus(404)
    }
    /** Nor through the other workspace's slug. */
    ;(
      await asInertia(
        client
          .get(route('w.payments.index', { workspaceSlug: other.workspace.slug }))
          .loginAs(owner)
      )
    ).assertStatus(404)

    const viewer = await workspaceMember(workspace, 'viewer')
    ;(await asInertia(client.get(`${base}/${own.id}`).loginAs(viewer))).assertStatus(200)
    for (const action of ['mark', 'refresh']) {
      const response = await client
        .post(`${base}/${own.id}/${action}`)
        .form({ status: 'paid' })
        .withCsrfToken()
        .loginAs(viewer)
        .redirects(0)
      response.assertStatus(403)
    }
    assert.lengthOf(await WebhookEvent.all(), 0)
    assert.equal((await Payment.findOrFail(own.id)).status, 'pending')
  })

  test('mark: a bad status is a validation error; a settled payment is refused', async ({
    client,
    assert,
  }) => {
    const { owner, workspace } = await createTenant()
    const payment = await aPayment(workspace, { externalId: 'sbx_p' })
    const base = route('w.payments.show', { workspaceSlug: workspace.slug, id: payment.id })
    const bad = await client
      .post(`${base}/mark`)
      .header('referer', base)
      .form({ status: 'refunded' })
      .withCsrfToken()
      .loginAs(owner)
      .redirects(0)
    bad.assertStatus(302)
    assert.property(bad.flashMessages().inputErrorsBag, 'status')
    await ApplyPaymentTransition.handle({
      workspaceId: workspace.id,
      paymentId: payment.id,
      to: 'paid',
      source: 'admin',
    })
    const settled = await client
      .post(`${base}/mark`)
      .form({ status: 'refused' })
      .withCsrfToken()
      .loginAs(owner)
      .redirects(0)
    settled.assertStatus(302)
    settled.assertFlashMessage('error', 'Este pagamento não está mais pendente.')
    assert.lengthOf(await WebhookEvent.all(), 0)
  })
})
