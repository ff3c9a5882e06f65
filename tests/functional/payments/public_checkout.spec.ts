import { test } from '@japa/runner'
import http from 'node:http'
import Payment from '#models/payment'
import PaymentTransition from '#models/payment_transition'
import FunnelStep from '#models/funnel_step'
import ApplyPaymentTransition from '#actions/payments/apply_payment_transition'
import { CredentialFactory } from '#database/factories/credential_factory'
import { publish } from '#tests/helpers/publish'
import { freshDatabase } from '#tests/helpers/database'
import { createTenant } from '#tests/helpers/tenants'
import { siteRequest } from '#tests/helpers/site_client'
import { serverUrl } from '#tests/helpers/server'
import { isValidBrCode } from '#services/br_code'
import { BUYER, emptyQueues, sellingFunnel } from '#tests/functional/payments/helpers'

const json = { 'content-type': 'application/json', 'accept': 'application/json' }

async function shop(slug = 'acme') {
  const tenant = await createTenant({ workspaceSlug: slug })
  const made = await sellingFunnel(tenant.workspace)
  return { ...tenant, ...made, host: `${slug}.localhost` }
}

function submit(host: string, stepId: number, body: Record<string, unknown>) {
  return siteRequest(host, `/_funil/checkout/${stepId}`, {
    method: 'POST',
    headers: json,
    body: JSON.stringify(body),
  })
}

/** Opens the page's event stream on a workspace host and collects its messages. */
function openStream(host: string, path: string) {
  const messages: any[] = []
  let ready!: () => void
  const opened = new Promise<void>((resolve) => (ready = resolve))
  const request = http.get(new URL(path, serverUrl()), { headers: { host } }, (response) => {
    response.setEncoding('utf8')
    let buffer = ''
    response.on('data', (chunk: string) => {
      if (chunk.startsWith(':ok')) ready()
      buffer += chunk
      let index: number
      while ((index = buffer.indexOf('\n\n')) >= 0) {
        const frame = buffer.slice(0, index)
        buffer = buffer.slice(index + 2)
        const data = frame
          .split('\n')
          .filter((l) => l.startsWith('data: '))
          .map((l) => l.slice(6))
          .join('\n')
        if (data) messages.push(JSON.parse(data))
      }
    })
  })
  return { messages, opened, status: () => request, close: () => request.destroy() }
}

test.group('Public checkout: submit → PIX page', (group) => {
  freshDatabase(group)
  group.each.setup(() => emptyQueues())

  test('the public checkout form posts to its payment endpoint', async ({ assert }) => {
    const { host, funnel, checkout } = await shop()
    const page = await siteRequest(host, `/${funnel.slug}/${checkout.slug}`)
    assert.equal(page.status, 200)
    assert.match(page.body, new RegExp(`<form[^>]*action="/_funil/checkout/${checkout.id}"`))
    assert.include(page.body, 'data-checkout-form')
  })

  test('JSON submit: 201 with the PIX page URL; price from the config plus ticked bumps', async ({
    assert,
  }) => {
    const { host, workspace, checkout, funnel } = await shop()
    const response = await submit(host, checkout.id, {
      ...BUYER,
      bumps: [0, 1],
      amountCents: 100,
    })
    assert.equal(response.status, 201)
    const body = JSON.parse(response.body)
    assert.match(body.payment.payUrl, /^\/_funil\/pay\/[0-9a-f]{32}$/)
    const payment = await Payment.query().where('public_token', body.payment.token).firstOrFail()
    assert.equal(payment.workspaceId, workspace.id)
    assert.equal(payment.funnelId, funnel.id)
    assert.equal(payment.amountCents, 19700 + 2990 + 4700)
    assert.deepEqual(
      payment.items.map((i) => i.kind),
      ['product', 'bump', 'bump']
    )
    const [created] = await PaymentTransition.query().where('payment_id', payment.id)
    assert.equal(created.source, 'checkout')

    const pay = await siteRequest(host, body.payment.payUrl)
    assert.equal(pay.status, 200)
    assert.equal(pay.headers['cache-control'], 'no-store')
    assert.include(pay.body, 'R$ 273,90')
    assert.include(pay.body, 'Aguardando pagamento')
    assert.match(pay.body, /data-test="pay-qr"[^>]*><svg/)
    const code = /data-pix-code>([^<]+)</.exec(pay.body)![1]
    assert.isTrue(isValidBrCode(code.replace(/&amp;/g, '&')))
    assert.match(pay.body, /data-test="pay-countdown">(29:5\d|30:00)</)
    assert.include(pay.body, 'Apostila impressa')
    assert.include(pay.body, 'Ambiente de teste')
  })

  test('422 with pt-BR field errors; nothing is created', async ({ assert }) => {
    const { host, checkout } = await shop()
    const response = await submit(host, checkout.id, { ...BUYER, cpf: '123.456.789-00', email: '' })
    assert.equal(response.status, 422)
    const errors = JSON.parse(response.body).errors
    assert.deepEqual(errors.map((e: any) => e.field).sort(), ['cpf', 'email'])
    assert.equal(errors.find((e: any) => e.field === 'cpf').message, 'Informe um CPF válido')
    const bump = await submit(host, checkout.id, { ...BUYER, bumps: [5] })
    assert.equal(bump.status, 422)
    assert.include(JSON.parse(bump.body).errors[0].message, 'ofertas adicionais')
    assert.lengthOf(await Payment.all(), 0)
  })

  test('without JavaScript: form post → 303 to the PIX page; invalid → back with ?erro=1', async ({
    assert,
  }) => {
    const { host, funnel, checkout } = await shop()
    const form = new URLSearchParams({ ...BUYER })
    form.append('bumps[]', '1')
    const ok = await siteRequest(host, `/_funil/checkout/${checkout.id}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'accept': 'text/html' },
      body: form.toString(),
    })
    assert.equal(ok.status, 303)
    assert.match(ok.headers.location!, /^\/_funil\/pay\/[0-9a-f]{32}$/)
    const payment = await Payment.query().firstOrFail()
    assert.equal(payment.amountCents, 19700 + 4700)

    const bad = await siteRequest(host, `/_funil/checkout/${checkout.id}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'accept': 'text/html' },
      body: new URLSearchParams({ ...BUYER, cpf: '1' }).toString(),
    })
    assert.equal(bad.status, 303)
    assert.equal(bad.headers.location, `/${funnel.slug}/${checkout.slug}?erro=1`)
  })

  test("another workspace's step, a non-checkout step or an inactive one is a 404", async ({
    assert,
  }) => {
    const acme = await shop('acme')
    const beta = await shop('beta')
    assert.equal((await submit(acme.host, beta.checkout.id, BUYER)).status, 404)
    assert.equal((await submit(acme.host, acme.steps.upsell.id, BUYER)).status, 404)
    await FunnelStep.query().where('id', acme.checkout.id).update({ is_active: false })
    await publish(acme.funnel)
    assert.equal((await submit(acme.host, acme.checkout.id, BUYER)).status, 404)
    assert.lengthOf(await Payment.all(), 0)

    const created = JSON.parse((await submit(beta.host, beta.checkout.id, BUYER)).body)
    assert.equal((await siteRequest(acme.host, created.payment.payUrl)).status, 404)
    assert.equal((await siteRequest(acme.host, `${created.payment.payUrl}/status`)).status, 404)
    assert.equal((await siteRequest(acme.host, `${created.payment.payUrl}/events`)).status, 404)
    assert.equal((await siteRequest(beta.host, `${created.payment.payUrl}/status`)).status, 200)
  })

  test('a gateway failure is a friendly pt-BR message, never a stack', async ({ assert }) => {
    const { host, checkout, workspace } = await shop()
    await CredentialFactory.merge({
      workspaceId: workspace.id,
      service: 'skalepay',
      apiKey: 'sk_live_x',
      apiUrl: 'http://127.0.0.1:1/v1',
    }).create()
    const response = await submit(host, checkout.id, BUYER)
    assert.equal(response.status, 502)
    const body = JSON.parse(response.body)
    assert.include(body.errors[0].message, 'indisponível')
    assert.notInclude(response.body, 'at ')
    assert.notInclude(response.body, 'ECONNREFUSED')

    const html = await siteRequest(host, `/_funil/checkout/${checkout.id}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'accept': 'text/html' },
      body: new URLSearchParams(BUYER).toString(),
    })
    assert.equal(html.status, 502)
    assert.include(html.body, 'Não foi possível gerar o PIX')
    assert.include(html.body, 'Tentar novamente')
  })

  test('the page stream and the status poll both learn it is paid, with the next step', async ({
    assert,
  }) => {
    const { host, workspace, checkout, funnel, steps } = await shop()
    const created = JSON.parse((await submit(host, checkout.id, BUYER)).body).payment
    const payment = await Payment.query().where('public_token', created.token).firstOrFail()
    const stream = openStream(host, `/_funil/pay/${created.token}/events`)
    try {
      await stream.opened
      const pending = JSON.parse(
        (await siteRequest(host, `/_funil/pay/${created.token}/status`)).body
      )
      assert.equal(pending.status, 'pending')
      assert.isNull(pending.nextUrl)

      await ApplyPaymentTransition.handle({
        workspaceId: workspace.id,
        paymentId: payment.id,
        to: 'paid',
        source: 'admin',
      })
      const deadline = Date.now() + 5000
      while (!stream.messages.length && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 50))
      }
      assert.equal(stream.messages[0].channel, `payments/${created.token}`)
      assert.equal(stream.messages[0].payload.status, 'paid')

      const paid = JSON.parse((await siteRequest(host, `/_funil/pay/${created.token}/status`)).body)
      assert.equal(paid.status, 'paid')
      /** The funnel's next step after the checkout is its upsell. */
      assert.equal(paid.nextUrl, `/${funnel.slug}/${steps.upsell.slug}?p=${created.token}`)
      const page = await siteRequest(host, `/_funil/pay/${created.token}`)
      assert.include(page.body, 'Pagamento confirmado')
      assert.include(page.body, `url=/${funnel.slug}/${steps.upsell.slug}?p=${created.token}`)
    } finally {
      stream.close()
    }
  })
})
