import { test } from '@japa/runner'
import { createHmac } from 'node:crypto'
import Payment from '#models/payment'
import PaymentTransition from '#models/payment_transition'
import PostbackDelivery from '#models/postback_delivery'
import Credential from '#models/credential'
import type Workspace from '#models/workspace'
import DeliverPostback from '#actions/postbacks/deliver_postback'
import RefreshPayment from '#actions/payments/refresh_payment'
import TestCredentialConnection from '#actions/credentials/test_credential_connection'
import RecordCredentialHealth from '#actions/credentials/record_credential_health'
import { CredentialFactory } from '#database/factories/credential_factory'
import { WebhookEndpointFactory } from '#database/factories/webhook_endpoint_factory'
import { buildStaticBrCode, crc16, isValidBrCode } from '#services/br_code'
import { freshDatabase } from '#tests/helpers/database'
import { createTenant } from '#tests/helpers/tenants'
import { siteRequest } from '#tests/helpers/site_client'
import { StubServer } from '#tests/helpers/stub_server'
import { asInertia } from '#tests/helpers/inertia'
import queue from '#services/queue'
import { SkalePayStub } from '#tests/functional/payments/skalepay_stub'
import { BUYER, emptyQueues, sellingFunnel } from '#tests/functional/payments/helpers'
import { route } from '#tests/helpers/routes'

const json = { 'content-type': 'application/json', 'accept': 'application/json' }

/** A static code for `cents` with a valid CRC: what an honest gateway could return. */
function codeFor(cents: number) {
  return buildStaticBrCode({
    pixKey: '123e4567-e12b-12d1-a456-426655440000',
    merchantName: 'Loja Teste',
    merchantCity: 'Sao Paulo',
    amountCents: cents,
    txid: 'PEDIDO123',
  })
}

/** The same code with its CRC replaced by another (the last hex digit changed). */
function withWrongCrc(code: string) {
  const last = code.at(-1) === '0' ? '1' : '0'
  return code.slice(0, -1) + last
}

/** A workspace selling R$ 197,00 through the SkalePay stub. */
async function skalePayShop(stub: SkalePayStub) {
  const tenant = await createTenant()
  const credential = await CredentialFactory.merge({
    workspaceId: tenant.workspace.id,
    service: 'skalepay',
    name: 'SkalePay produção',
    apiKey: 'sk_test_valid',
    apiUrl: stub.apiUrl,
  }).create()
  const made = await sellingFunnel(tenant.workspace)
  return { ...tenant, ...made, credential, host: `${tenant.workspace.slug}.localhost` }
}

function checkout(host: string, stepId: number) {
  return siteRequest(host, `/_funil/checkout/${stepId}`, {
    method: 'POST',
    headers: json,
    body: JSON.stringify(BUYER),
  })
}

function paymentsOf(workspace: Workspace) {
  return Payment.query().where('workspace_id', workspace.id).orderBy('id', 'asc')
}

async function failedReason(payment: Payment) {
  const transition = await PaymentTransition.query()
    .where('payment_id', payment.id)
    .where('to_status', 'failed')
    .firstOrFail()
  return transition.details as Record<string, any>
}

test.group('Gateway PIX codes are checked before the buyer sees them', (group) => {
  freshDatabase(group)
  let stub: SkalePayStub
  group.each.setup(async () => {
    await emptyQueues()
    stub = await SkalePayStub.start()
    return () => stub.close()
  })

  test('a right code (static with the amount, or dynamic without one) is shown', async ({
    assert,
  }) => {
    const { host, checkout: step, workspace } = await skalePayShop(stub)
    stub.pixCodeFor = (body) => codeFor(body.amount)
    const response = await checkout(host, step.id)
    assert.equal(response.status, 201)
    const [payment] = await paymentsOf(workspace)
    assert.equal(payment.status, 'pending')
    assert.equal(payment.pixCode, codeFor(19700))

    stub.pixCodeFor = () =>
      '00020101021226770014BR.GOV.BCB.PIX2555api.itau/pix/qr/v2/b8e8a562-77b9-4d0f-9f48-7d99303bf5f25204000053039865802BR5909CAKTO PAY6009SAO PAULO62070503***630476FD'
    assert.equal((await checkout(host, step.id)).status, 201)
  })

  test('a wrong CRC fails the charge: pt-BR message, failed with a reason, credential failing', async ({
    assert,
  }) => {
    const { host, checkout: step, workspace, credential } = await skalePayShop(stub)
    const wrong = withWrongCrc(codeFor(19700))
    assert.isFalse(isValidBrCode(wrong))
    stub.pixCodeFor = () => wrong

    const response = await checkout(host, step.id)
    assert.equal(response.status, 502)
    assert.include(
      JSON.parse(response.body).errors[0].message,
      'Não foi possível gerar um código PIX válido'
    )
    assert.notInclude(response.body, wrong)
    const [payment] = await paymentsOf(workspace)
    assert.equal(payment.status, 'failed')
    assert.isNull(payment.pixCode)
    const details = await failedReason(payment)
    assert.equal(details.reason, 'invalid_pix_code')
    assert.match(details.detail, /\(crc\)/)

    /** The buyer's HTML form gets the page, without the code either. */
    const html = await siteRequest(host, `/_funil/checkout/${step.id}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'accept': 'text/html' },
      body: new URLSearchParams(BUYER).toString(),
    })
    assert.equal(html.status, 502)
    assert.include(html.body, 'Não foi possível gerar um código PIX válido')
    assert.notInclude(html.body, wrong)

    /** An invalid code is never a blip: the credential is failing at once. */
    await credential.refresh()
    assert.equal(credential.healthStatus, 'failing')
    assert.include(credential.healthError!, 'invalid_pix_code')
  })

  test('an amount R$ 1,00 above the charge fails it the same way', async ({ assert }) => {
    const { host, checkout: step, workspace, credential } = await skalePayShop(stub)
    stub.pixCodeFor = (body) => codeFor(body.amount + 100)
    assert.isTrue(isValidBrCode(codeFor(19800)), 'CRC right: only the amount is wrong')

    const response = await checkout(host, step.id)
    assert.equal(response.status, 502)
    const [payment] = await paymentsOf(workspace)
    assert.equal(payment.status, 'failed')
    assert.isNull(payment.pixCode)
    const details = await failedReason(payment)
    assert.equal(details.reason, 'invalid_pix_code')
    assert.include(details.detail, 'code amount 19800 cents, charge 19700 cents')
    await credential.refresh()
    assert.equal(credential.healthStatus, 'failing')
  })

  test('a GUI other than br.gov.bcb.pix, or a static code without amount, is refused', async ({
    assert,
  }) => {
    const { host, checkout: step, workspace } = await skalePayShop(stub)
    const foreign = codeFor(19700).replace('0014br.gov.bcb.pix', '0014br.gov.xyz.pix')
    const body = foreign.slice(0, -4)
    stub.pixCodeFor = () => body + crc16(body)
    assert.equal((await checkout(host, step.id)).status, 502)

    const noAmount =
      '00020126580014br.gov.bcb.pix0136123e4567-e12b-12d1-a456-4266554400005204000053039865802BR5913Fulano de Tal6008BRASILIA62070503***63041D3D'
    stub.pixCodeFor = () => noAmount
    assert.equal((await checkout(host, step.id)).status, 502)
    const payments = await paymentsOf(workspace)
    assert.deepEqual(
      payments.map((p) => p.status),
      ['failed', 'failed']
    )
    assert.match((await failedReason(payments[0])).detail, /\(gui\)/)
    assert.match((await failedReason(payments[1])).detail, /\(no_amount\)/)
  })

  test('the admin list and detail read "Falha no gateway", not "Recusado"', async ({
    assert,
    client,
  }) => {
    const { host, checkout: step, workspace, owner } = await skalePayShop(stub)
    stub.pixCodeFor = () => withWrongCrc(codeFor(19700))
    await checkout(host, step.id)
    const [payment] = await paymentsOf(workspace)

    const list = await asInertia(
      client.get(route('w.payments.index', { workspaceSlug: workspace.slug })).loginAs(owner)
    )
    list.assertStatus(200)
    const row = list.body().props.payments.data[0]
    assert.equal(row.status, 'failed')
    assert.equal(row.failure, 'gateway')

    const detail = await asInertia(
      client
        .get(route('w.payments.show', { workspaceSlug: workspace.slug, id: payment.id }))
        .loginAs(owner)
    )
    assert.equal(detail.body().props.payment.failure, 'gateway')
    const failed = detail
      .body()
      .props.transitions.find((transition: any) => transition.toStatus === 'failed')
    assert.equal(failed.failure, 'gateway')

    /** A refusal by the bank is still a refusal. */
    stub.pixCodeFor = (body) => codeFor(body.amount)
    await checkout(host, step.id)
    const [, second] = await paymentsOf(workspace)
    stub.setStatus(second.externalId!, 'refused')
    await RefreshPayment.handle({ payment: second })
    const again = await asInertia(
      client
        .get(route('w.payments.index', { workspaceSlug: workspace.slug }))
        .qs({ status: 'failed' })
        .loginAs(owner)
    )
    const failures = Object.fromEntries(
      again.body().props.payments.data.map((p: any) => [p.id, p.failure])
    )
    assert.deepEqual(failures, { [payment.id]: 'gateway', [second.id]: 'refused' })
  })
})

test.group('Gateway health: failing credentials are visible and announced', (group) => {
  freshDatabase(group)
  let stub: SkalePayStub
  let hooks: StubServer
  group.each.setup(async () => {
    await emptyQueues()
    stub = await SkalePayStub.start()
    hooks = await StubServer.start()
    hooks.on('POST', '/hooks/:name', { status: 200, body: 'ok' })
    return async () => {
      await stub.close()
      await hooks.close()
    }
  })

  test('3 failed creates in a row → failing, one gateway.unhealthy webhook, banner; a success heals', async ({
    assert,
    client,
  }) => {
    const { host, checkout: step, workspace, credential, owner } = await skalePayShop(stub)
    const endpoint = await WebhookEndpointFactory.merge({
      workspaceId: workspace.id,
      url: `${hooks.url}/hooks/erp`,
      secret: 'segredo-do-erp',
      events: ['gateway.unhealthy'],
    }).create()
    await WebhookEndpointFactory.merge({
      workspaceId: workspace.id,
      url: `${hooks.url}/hooks/other`,
      events: ['payment.paid'],
    }).create()
    stub.server.on('POST', '/v1/transactions', { status: 502, body: { message: 'Bad gateway' } })

    for (const expected of ['unknown', 'unknown', 'failing', 'failing']) {
      const response = await checkout(host, step.id)
      assert.equal(response.status, 502)
      await credential.refresh()
      assert.equal(credential.healthStatus, expected)
    }
    assert.include(credential.healthError!, 'unavailable (HTTP 502)')

    /** Every buyer got a clear 502; the attempts read as gateway failures, all SkalePay. */
    const payments = await paymentsOf(workspace)
    assert.lengthOf(payments, 4)
    assert.isTrue(payments.every((p) => p.status === 'failed' && p.gateway === 'skalepay'))

    /** One webhook for the one move to unhealthy, signed, to the subscribed endpoint only. */
    const deliveries = await PostbackDelivery.query().where('workspace_id', workspace.id)
    assert.lengthOf(deliveries, 1)
    assert.equal(deliveries[0].event, 'gateway.unhealthy')
    assert.equal(deliveries[0].webhookEndpointId, endpoint.id)
    const result = await DeliverPostback.handle({
      workspaceId: workspace.id,
      deliveryId: deliveries[0].id,
    })
    assert.equal(result.outcome, 'succeeded')
    const [hook] = hooks.requests
    assert.equal(hook.path, '/hooks/erp')
    assert.equal(hook.headers['x-funil-event'], 'gateway.unhealthy')
    const timestamp = hook.headers['x-funil-timestamp']
    assert.equal(
      hook.headers['x-funil-signature'],
      `sha256=${createHmac('sha256', 'segredo-do-erp').update(`${timestamp}.${hook.rawBody}`).digest('hex')}`
    )
    assert.deepInclude(hook.body.data.credential, {
      id: credential.id,
      service: 'skalepay',
      health: 'failing',
    })

    /** One e-mail to the agency's owner, queued on the mail queue. */
    const mails = await queue.queue('mail').getJobs(['waiting', 'delayed', 'prioritized'])
    assert.lengthOf(mails, 1)
    const queued = JSON.stringify(mails[0].data)
    assert.include(queued, owner.email)
    assert.include(queued, `Gateway de pagamento com falhas em ${workspace.name}`)

    /** The banner data on the dashboard, the funnel and the checkout editor. */
    for (const path of [
      route('w.dashboard', { workspaceSlug: workspace.slug }),
      route('w.funnels.show', { workspaceSlug: workspace.slug, id: step.funnelId }),
      route('w.checkout.edit', {
        workspaceSlug: workspace.slug,
        funnelId: step.funnelId,
        stepId: step.id,
      }),
    ]) {
      const page = await asInertia(client.get(path).loginAs(owner))
      page.assertStatus(200)
      const alerts = page.body().props.gatewayAlerts
      assert.lengthOf(alerts, 1, path)
      assert.deepInclude(alerts[0], { credentialId: credential.id, health: 'failing' })
    }

    /** A healthy call sets it back; the banner goes; a later failure streak is a new move. */
    stub.server.on('POST', '/v1/transactions', ({ body }) => {
      stub.pixCodeFor = () => codeFor(body.amount)
      return {
        status: 200,
        body: {
          id: 'tx-ok',
          status: 'waiting_payment',
          amount: body.amount,
          pix: { qrcode: codeFor(body.amount) },
        },
      }
    })
    assert.equal((await checkout(host, step.id)).status, 201)
    await credential.refresh()
    assert.equal(credential.healthStatus, 'ok')
    assert.isNull(credential.healthError)
    const page = await asInertia(
      client.get(route('w.dashboard', { workspaceSlug: workspace.slug })).loginAs(owner)
    )
    assert.lengthOf(page.body().props.gatewayAlerts, 0)
  })

  test('concurrent failures (many workers at once) announce the move exactly once', async ({
    assert,
  }) => {
    const { workspace, credential } = await skalePayShop(stub)
    await WebhookEndpointFactory.merge({
      workspaceId: workspace.id,
      url: `${hooks.url}/hooks/erp`,
      events: ['gateway.unhealthy'],
    }).create()
    await Promise.all(
      Array.from({ length: 12 }, async () => {
        const copy = await Credential.findOrFail(credential.id)
        await RecordCredentialHealth.recordFailure(copy, 'unavailable (HTTP 502)')
      })
    )
    await credential.refresh()
    assert.equal(credential.healthStatus, 'failing')
    assert.equal(credential.healthFailures, 12)
    const deliveries = await PostbackDelivery.query().where('workspace_id', workspace.id)
    assert.lengthOf(deliveries, 1)
    const mails = await queue.queue('mail').getJobs(['waiting', 'delayed', 'prioritized'])
    assert.lengthOf(mails, 1)
  })

  test('failures spread over more than 10 minutes do not add up', async ({ assert }) => {
    const { host, checkout: step, credential } = await skalePayShop(stub)
    stub.server.on('POST', '/v1/transactions', { status: 503, body: {} })
    await checkout(host, step.id)
    await checkout(host, step.id)
    await Credential.query()
      .where('id', credential.id)
      .update({ health_failing_since: new Date(Date.now() - 11 * 60_000) })
    await checkout(host, step.id)
    await credential.refresh()
    assert.equal(credential.healthStatus, 'unknown')
    assert.equal(credential.healthFailures, 1)
  })

  test("a refusal of the buyer's data is not a gateway failure", async ({ assert }) => {
    const { host, checkout: step, credential } = await skalePayShop(stub)
    stub.server.on('POST', '/v1/transactions', {
      status: 400,
      body: { errors: [{ field: 'customer.document', message: 'invalid' }] },
    })
    for (let i = 0; i < 4; i++) await checkout(host, step.id)
    await credential.refresh()
    assert.equal(credential.healthStatus, 'unknown')
    assert.equal(credential.healthFailures, 0)
  })

  test('"Testar conexão" unreachable marks the credential unreachable and announces it once', async ({
    assert,
  }) => {
    const { workspace, credential } = await skalePayShop(stub)
    await WebhookEndpointFactory.merge({
      workspaceId: workspace.id,
      url: `${hooks.url}/hooks/erp`,
      events: ['gateway.unhealthy', 'payment.paid'],
    }).create()
    await stub.close()
    const outcome = await TestCredentialConnection.handle({ credential })
    assert.equal(outcome.status, 'unreachable')
    await credential.refresh()
    assert.equal(credential.healthStatus, 'unreachable')

    /** Still unreachable: no second announcement. */
    await TestCredentialConnection.handle({ credential })
    const deliveries = await PostbackDelivery.query().where('workspace_id', workspace.id)
    assert.deepEqual(
      deliveries.map((d) => d.event),
      ['gateway.unhealthy']
    )
    stub = await SkalePayStub.start()
  })

  test('a failing SkalePay never falls back to the sandbox', async ({ assert }) => {
    const { host, checkout: step, workspace, credential } = await skalePayShop(stub)
    /** Marked unhealthy already (refused key, unreachable, failing): still SkalePay. */
    for (const health of ['invalid', 'unreachable', 'failing']) {
      await Credential.query().where('id', credential.id).update({ health_status: health })
      await stub.close()
      const response = await checkout(host, step.id)
      assert.equal(response.status, 502, health)
      stub = await SkalePayStub.start()
    }
    const payments = await paymentsOf(workspace)
    assert.lengthOf(payments, 3)
    assert.isTrue(payments.every((p) => p.gateway === 'skalepay' && p.status === 'failed'))
    assert.isTrue(payments.every((p) => p.pixCode === null))
  })

  test("the banner lists only this workspace's failing gateway", async ({ assert, client }) => {
    const mine = await skalePayShop(stub)
    const other = await skalePayShop(stub)
    await Credential.query()
      .where('id', other.credential.id)
      .update({ health_status: 'failing', health_error: 'x' })
    await Credential.query().where('id', mine.credential.id).update({ health_status: 'ok' })
    const page = await asInertia(
      client.get(route('w.dashboard', { workspaceSlug: mine.workspace.slug })).loginAs(mine.owner)
    )
    assert.lengthOf(page.body().props.gatewayAlerts, 0)
    const theirs = await asInertia(
      client.get(route('w.dashboard', { workspaceSlug: other.workspace.slug })).loginAs(other.owner)
    )
    assert.lengthOf(theirs.body().props.gatewayAlerts, 1)
  })
})
