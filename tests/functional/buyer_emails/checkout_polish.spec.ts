import { test } from '@japa/runner'
import Payment from '#models/payment'
import ApplyPaymentTransition from '#actions/payments/apply_payment_transition'
import { VisitorFactory } from '#database/factories/visitor_factory'
import { freshDatabase } from '#tests/helpers/database'
import { createTenant } from '#tests/helpers/tenants'
import { siteRequest } from '#tests/helpers/site_client'
import { BUYER, emptyQueues, sellingFunnel } from '#tests/functional/payments/helpers'

const json = { 'content-type': 'application/json', 'accept': 'application/json' }
const SID = 'abcdefghijklmnopqrstuvwx'

async function shop(slug = 'acme') {
  const tenant = await createTenant({ workspaceSlug: slug })
  const made = await sellingFunnel(tenant.workspace)
  return { ...tenant, ...made, host: `${slug}.localhost` }
}

async function buy(host: string, stepId: number) {
  const response = await siteRequest(host, `/_funil/checkout/${stepId}`, {
    method: 'POST',
    headers: json,
    body: JSON.stringify(BUYER),
  })
  const token = JSON.parse(response.body).payment.token
  return Payment.query().where('public_token', token).firstOrFail()
}

function prefill(host: string, stepId: number, query = '', cookie = `fd_sid=${SID}`) {
  return siteRequest(host, `/_funil/checkout/${stepId}/prefill${query}`, {
    headers: { accept: 'application/json', cookie },
  })
}

test.group('Checkout polish: pre-fill, retry keeps the data, PIX headings', (group) => {
  freshDatabase(group)
  group.each.setup(() => emptyQueues())

  test('pre-fill from the lead the capture step stored on this browser (no CPF), never cached', async ({
    assert,
  }) => {
    const { host, workspace, checkout } = await shop()
    await VisitorFactory.merge({
      workspaceId: workspace.id,
      sessionId: SID,
      lead: { name: 'Ana Souza', email: 'ana@exemplo.com', phone: '11912345678' },
    }).create()
    const response = await prefill(host, checkout.id)
    assert.equal(response.status, 200)
    assert.equal(response.headers['cache-control'], 'no-store')
    assert.deepEqual(JSON.parse(response.body), {
      name: 'Ana Souza',
      email: 'ana@exemplo.com',
      phone: '11912345678',
      source: 'lead',
    })
    const stranger = await prefill(host, checkout.id, '', 'fd_sid=zzzzzzzzzzzzzzzzzzzzzzzz')
    assert.deepEqual(JSON.parse(stranger.body), { source: null })
  })

  test('"Tentar novamente" after a refused PIX: the link carries the token and the checkout gets the same data back', async ({
    assert,
  }) => {
    const { host, checkout, funnel } = await shop()
    const payment = await buy(host, checkout.id)
    await ApplyPaymentTransition.handle({
      workspaceId: payment.workspaceId,
      paymentId: payment.id,
      to: 'failed',
      source: 'admin',
    })
    const page = await siteRequest(host, `/_funil/pay/${payment.publicToken}`)
    assert.match(page.body, /<h1 data-heading data-test="pay-heading">O PIX foi recusado<\/h1>/)
    const retry = /href="([^"]+)" data-test="pay-retry"/.exec(page.body)![1]
    assert.equal(retry, `/${funnel.slug}/${checkout.slug}?retry=${payment.publicToken}`)

    const response = await prefill(host, checkout.id, `?retry=${payment.publicToken}`)
    const body = JSON.parse(response.body)
    assert.equal(body.source, 'retry')
    assert.equal(body.name, BUYER.name)
    assert.equal(body.email, BUYER.email)
    assert.equal(body.cpf.replace(/\D/g, ''), BUYER.cpf.replace(/\D/g, ''))
  })

  test("another workspace's token pre-fills nothing; another workspace's step is a 404", async ({
    assert,
  }) => {
    const a = await shop('acme')
    const b = await shop('beta')
    const theirs = await buy(b.host, b.checkout.id)
    const cross = await prefill(a.host, a.checkout.id, `?retry=${theirs.publicToken}`)
    assert.deepEqual(JSON.parse(cross.body), { source: null })
    const step = await prefill(a.host, b.checkout.id)
    assert.equal(step.status, 404)
    const junk = await prefill(a.host, a.checkout.id, '?retry[toString]=1')
    assert.equal(junk.status, 200)
  })

  test('a heading for every PIX state: waiting, paid, expired', async ({ assert }) => {
    const { host, checkout } = await shop()
    const payment = await buy(host, checkout.id)
    const heading = async () =>
      /data-test="pay-heading">([^<]+)</.exec(
        (await siteRequest(host, `/_funil/pay/${payment.publicToken}`)).body
      )![1]
    assert.equal(await heading(), 'Falta só pagar o PIX')
    await ApplyPaymentTransition.handle({
      workspaceId: payment.workspaceId,
      paymentId: payment.id,
      to: 'expired',
      source: 'expiry',
    })
    assert.equal(await heading(), 'Seu PIX expirou')
    await ApplyPaymentTransition.handle({
      workspaceId: payment.workspaceId,
      paymentId: payment.id,
      to: 'paid',
      source: 'admin',
    })
    assert.equal(await heading(), 'Pagamento confirmado!')
  })

  test('the checkout page loads the pre-fill script', async ({ assert }) => {
    const { host, checkout, funnel } = await shop()
    const page = await siteRequest(host, `/${funnel.slug}/${checkout.slug}`)
    assert.include(page.body, "'/prefill'")
  })
})

test.group('Thank-you page: the order of the paid PIX', (group) => {
  freshDatabase(group)
  group.each.setup(() => emptyQueues())

  test('order number, items and total of a paid PIX; nothing for a pending one or another workspace', async ({
    assert,
  }) => {
    const { host, checkout, funnel, steps } = await shop()
    const payment = await buy(host, checkout.id)
    const pending = await siteRequest(host, `/_funil/order/${payment.publicToken}`)
    assert.equal(pending.status, 404)
    await ApplyPaymentTransition.handle({
      workspaceId: payment.workspaceId,
      paymentId: payment.id,
      to: 'paid',
      source: 'admin',
    })
    const response = await siteRequest(host, `/_funil/order/${payment.publicToken}`)
    assert.equal(response.status, 200)
    assert.deepEqual(JSON.parse(response.body), {
      orderNumber: `#${String(payment.id).padStart(6, '0')}`,
      items: [{ name: 'Curso de Confeitaria', price: 'R$ 197,00' }],
      total: 'R$ 197,00',
      totalLabel: 'Total',
    })
    const other = await shop('beta')
    const cross = await siteRequest(other.host, `/_funil/order/${payment.publicToken}`)
    assert.equal(cross.status, 404)

    const page = await siteRequest(
      host,
      `/${funnel.slug}/${steps.thankyou.slug}?p=${payment.publicToken}`
    )
    assert.include(page.body, 'data-order-summary')
    assert.include(page.body, "'/_funil/order/'")
  })
})
