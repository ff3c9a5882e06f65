import { test } from '@japa/runner'
import Payment from '#models/payment'
import PaymentTransition from '#models/payment_transition'
import { freshDatabase } from '#tests/helpers/database'
import { apiToken, createTenant, workspaceMember } from '#tests/helpers/tenants'
import { isValidBrCode, parseBrCode } from '#services/br_code'
import queue from '#services/queue'
import { aPayment, BUYER, emptyQueues, sellingFunnel } from '#tests/functional/payments/helpers'
import { route } from '#tests/helpers/routes'

test.group('API payments: create', (group) => {
  freshDatabase(group)
  group.each.setup(() => emptyQueues())

  test('creates a sandbox PIX priced on the server: product + chosen bumps', async ({
    client,
    assert,
  }) => {
    const { owner, workspace } = await createTenant()
    const { funnel, checkout } = await sellingFunnel(workspace)
    const response = await client
      .post(route('api.payments.create'))
      .bearerToken(await apiToken(owner, workspace))
      .json({
        funnelId: funnel.id,
        stepId: checkout.id,
        customer: BUYER,
        bumps: [1],
        amountCents: 1,
        priceCents: 1,
      })
    response.assertStatus(201)
    const body = response.body().payment
    assert.equal(body.status, 'pending')
    assert.equal(body.amountCents, 19700 + 4700)
    assert.equal(body.amount, 'R$ 244,00')
    assert.equal(body.gateway, 'sandbox')
    assert.deepEqual(
      body.items.map((i: any) => [i.kind, i.name, i.priceCents]),
      [
        ['product', 'Curso de Confeitaria', 19700],
        ['bump', 'Planilha de custos', 4700],
      ]
    )
    assert.deepEqual(body.customer, {
      name: 'Maria da Silva',
      email: 'maria@exemplo.com.br',
      phone: '11912345678',
      cpf: '52998224725',
    })
    assert.isTrue(isValidBrCode(body.pix.code))
    assert.equal((parseBrCode(body.pix.code) as any).transactionAmount, 244)
    assert.match(body.pix.qrSvg, /^<svg/)
    assert.match(body.publicToken, /^[0-9a-f]{32}$/)

    const payment = await Payment.findOrFail(body.id)
    assert.equal(payment.workspaceId, workspace.id)
    assert.equal(payment.funnelId, funnel.id)
    assert.equal(payment.stepId, checkout.id)
    assert.equal(payment.externalId, `sbx_${payment.publicToken}`)
    assert.equal(payment.gatewayResponse.status, 'waiting_payment')
    assert.isTrue(payment.expiresAt! > payment.createdAt)
    const transitions = await PaymentTransition.query().where('payment_id', payment.id)
    assert.deepEqual(
      transitions.map((t) => [t.fromStatus, t.toStatus, t.source]),
      [[null, 'pending', 'api']]
    )

    const jobs = await queue.queue('payments').getJobs(['delayed', 'waiting'])
    assert.sameMembers(
      jobs.map((job) => `${job.name}:${job.data.paymentId}`),
      [`poll_payment:${payment.id}`, `expire_payment:${payment.id}`]
    )
  })

  test('422 with field errors: CPF check digits, e-mail, phone, missing name, unknown bump', async ({
    client,
    assert,
  }) => {
    const { owner, workspace } = await createTenant()
    const { funnel, checkout } = await sellingFunnel(workspace)
    const token = await apiToken(owner, workspace)
    const post = (payload: Record<string, unknown>) =>
      client
        .post(route('api.payments.create'))
        .bearerToken(token)
        .json({ funnelId: funnel.id, stepId: checkout.id, customer: BUYER, ...payload })

    const invalid = await post({
      customer: { ...BUYER, name: '', cpf: '123.456.789-00', email: 'maria@', phone: '1234' },
    })
    invalid.assertStatus(422)
    const fields = invalid.body().errors.map((e: any) => `${e.field}:${e.rule}`)
    assert.includeMembers(fields, [
      'customer.cpf:cpf',
      'customer.email:email',
      'customer.phone:phone',
    ])
    assert.isTrue(fields.some((f: string) => f.startsWith('customer.name:')))
    const cpfError = invalid.body().errors.find((e: any) => e.field === 'customer.cpf')
    assert.equal(cpfError.message, 'Informe um CPF válido')

    const sameDigits = await post({ customer: { ...BUYER, cpf: '111.111.111-11' } })
    sameDigits.assertStatus(422)

    const bump = await post({ bumps: [7] })
    bump.assertStatus(422)
    assert.equal(bump.body().errors[0].field, 'bumps')

    const missing = await post({ funnelId: undefined })
    missing.assertStatus(422)
    assert.equal(missing.body().errors[0].field, 'funnelId')

    assert.equal(
      await Payment.query()
        .count('* as n')
        .first()
        .then((r) => Number(r!.$extras.n)),
      0
    )
  })

  test("another workspace's funnel or step is a 404, and creates nothing", async ({
    client,
    assert,
  }) => {
    const { owner, workspace } = await createTenant()
    const other = await createTenant()
    const foreign = await sellingFunnel(other.workspace)
    const own = await sellingFunnel(workspace)
    const token = await apiToken(owner, workspace)
    const response = await client
      .post(route('api.payments.create'))
      .bearerToken(token)
      .json({ funnelId: foreign.funnel.id, stepId: foreign.checkout.id, customer: BUYER })
    response.assertStatus(404)
    const mixed = await client
      .post(route('api.payments.create'))
      .bearerToken(token)
      .json({ funnelId: own.funnel.id, stepId: foreign.checkout.id, customer: BUYER })
    mixed.assertStatus(404)
    const notCheckout = await client
      .post(route('api.payments.create'))
      .bearerToken(token)
      .json({ funnelId: own.funnel.id, stepId: own.steps.upsell.id, customer: BUYER })
    notCheckout.assertStatus(404)
    assert.lengthOf(await Payment.all(), 0)
  })

  test('a viewer gets 403; no token gets 401', async ({ client, assert }) => {
    const { workspace } = await createTenant()
    const { funnel, checkout } = await sellingFunnel(workspace)
    const viewer = await workspaceMember(workspace, 'viewer')
    const payload = { funnelId: funnel.id, stepId: checkout.id, customer: BUYER }
    const forbidden = await client
      .post(route('api.payments.create'))
      .bearerToken(await apiToken(viewer, workspace))
      .json(payload)
    forbidden.assertStatus(403)
    const anonymous = await client.post(route('api.payments.create')).json(payload)
    anonymous.assertStatus(401)
    assert.lengthOf(await Payment.all(), 0)
  })
})

test.group('API payments: status', (group) => {
  freshDatabase(group)

  test('by numeric id and by public token', async ({ client, assert }) => {
    const { owner, workspace } = await createTenant()
    const payment = await aPayment(workspace, { amountCents: 19700 })
    const token = await apiToken(owner, workspace)
    for (const key of [payment.id, payment.publicToken]) {
      const response = await client
        .get(route('api.payments.status', { id: key }))
        .bearerToken(token)
      response.assertStatus(200)
      assert.equal(response.body().payment.id, payment.id)
      assert.equal(response.body().payment.status, 'pending')
      assert.equal(response.body().payment.amountCents, 19700)
    }
  })

  test('a viewer may read the status', async ({ client }) => {
    const { workspace } = await createTenant()
    const payment = await aPayment(workspace)
    const viewer = await workspaceMember(workspace, 'viewer')
    const response = await client
      .get(route('api.payments.status', { id: payment.id }))
      .bearerToken(await apiToken(viewer, workspace))
    response.assertStatus(200)
  })

  test("another workspace's payment is a 404 by id and by token", async ({ client }) => {
    const { owner, workspace } = await createTenant()
    const other = await createTenant()
    const foreign = await aPayment(other.workspace)
    const token = await apiToken(owner, workspace)
    for (const key of [foreign.id, foreign.publicToken, 'nope', '99999999999']) {
      const response = await client
        .get(route('api.payments.status', { id: key }))
        .bearerToken(token)
      response.assertStatus(404)
    }
  })
})
