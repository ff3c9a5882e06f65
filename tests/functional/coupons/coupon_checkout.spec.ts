import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import Payment from '#models/payment'
import Coupon from '#models/coupon'
import CouponRedemption from '#models/coupon_redemption'
import ApplyPaymentTransition from '#actions/payments/apply_payment_transition'
import PlanPaymentPostbacks from '#actions/postbacks/plan_payment_postbacks'
import DeliverPostback from '#actions/postbacks/deliver_postback'
import PostbackDelivery from '#models/postback_delivery'
import { paymentWebhookBody } from '#integrations/webhooks/outbound'
import { CredentialFactory } from '#database/factories/credential_factory'
import { checkChargeCode } from '#services/br_code'
import { freshDatabase } from '#tests/helpers/database'
import { apiToken } from '#tests/helpers/tenants'
import { siteRequest } from '#tests/helpers/site_client'
import { StubServer } from '#tests/helpers/stub_server'
import { emptyQueues } from '#tests/functional/payments/helpers'
import {
  aCoupon,
  applyCoupon,
  buyer,
  couponShop,
  past,
  submitCheckout,
} from '#tests/functional/coupons/helpers'
import { route } from '#tests/helpers/routes'

const SUBTOTAL = 19700 + 2990

function paymentOf(token: string) {
  return Payment.query().where('public_token', token).firstOrFail()
}

test.group('Coupons at checkout: pricing on the server', (group) => {
  freshDatabase(group)
  group.each.setup(() => emptyQueues())

  test('"Aplicar" prices the code with the ticked bumps; lower-case is the same code', async ({
    assert,
  }) => {
    const { host, workspace, checkout } = await couponShop()
    await aCoupon(workspace, { code: 'BLACK15', percentOff: 15 })
    const quote = await applyCoupon(host, checkout.id, { coupon: ' black15 ', bumps: [0] })
    assert.equal(quote.status, 200)
    /** 15 % of R$ 226,90 = 3 403,5 cents → R$ 34,04 (half up). */
    assert.deepEqual(quote.body.coupon, {
      code: 'BLACK15',
      subtotalCents: SUBTOTAL,
      discountCents: 3404,
      totalCents: SUBTOTAL - 3404,
      subtotal: 'R$ 226,90',
      discount: '-R$ 34,04',
      total: 'R$ 192,86',
    })
  })

  test('the page shows the coupon box; an unknown code or another workspace\'s code is "Cupom inválido"', async ({
    assert,
  }) => {
    const { host, funnel, checkout } = await couponShop()
    const other = await couponShop('outra')
    await aCoupon(other.workspace, { code: 'DELES50', percentOff: 50 })

    const page = await siteRequest(host, `/${funnel.slug}/${checkout.slug}`)
    assert.include(page.body, `data-coupon-action="/_funil/checkout/${checkout.id}/coupon"`)
    assert.include(page.body, 'Tem um cupom de desconto?')

    for (const code of ['NAOEXISTE', 'DELES50', 'a b']) {
      const quote = await applyCoupon(host, checkout.id, { coupon: code })
      assert.equal(quote.status, 422, code)
      assert.deepEqual(quote.body.errors, [
        { field: 'coupon', rule: 'coupon', message: 'Cupom inválido.' },
      ])
    }
    /** Submitting it is refused the same way, and charges nothing. */
    const submitted = await submitCheckout(host, checkout.id, { ...buyer(), coupon: 'DELES50' })
    assert.equal(submitted.status, 422)
    assert.equal(submitted.body.errors[0].field, 'coupon')
    assert.equal(
      await Payment.query()
        .count('* as n')
        .then((r) => Number(r[0].$extras.n)),
      0
    )
  })

  test('a submission with a coupon stores subtotal, discount, total and code; the PIX is for the total', async ({
    assert,
  }) => {
    const { host, workspace, checkout } = await couponShop()
    const coupon = await aCoupon(workspace, { code: 'BLACK10', percentOff: 10 })
    /** The client's own figures are ignored: the server prices everything. */
    const submitted = await submitCheckout(host, checkout.id, {
      ...buyer(),
      bumps: [0],
      coupon: 'black10',
      amountCents: 1,
      discountCents: 99999,
      totalCents: 1,
    })
    assert.equal(submitted.status, 201)
    const payment = await paymentOf(submitted.body.payment.token)
    assert.equal(payment.subtotalCents, SUBTOTAL)
    assert.equal(payment.discountCents, 2269)
    assert.equal(payment.amountCents, SUBTOTAL - 2269)
    assert.equal(payment.couponCode, 'BLACK10')
    assert.equal(payment.couponId, coupon.id)
    /** Items keep their list price; the BR Code charges the discounted total. */
    assert.deepEqual(
      payment.items.map((item) => item.priceCents),
      [19700, 2990]
    )
    assert.deepEqual(checkChargeCode(payment.pixCode!, SUBTOTAL - 2269), { ok: true })
    await coupon.refresh()
    assert.equal(coupon.usesCount, 1)

    const pay = await siteRequest(host, submitted.body.payment.payUrl)
    assert.include(pay.body, 'R$ 204,21')
    assert.include(pay.body, 'Desconto (cupom BLACK10)')
    assert.include(pay.body, '-R$ 22,69')
    assert.include(pay.body, 'R$ 226,90')

    /** Outbound webhooks carry the same figures. */
    const body = paymentWebhookBody('payment.created', payment, null)
    assert.containSubset(body.data.payment, {
      amountCents: SUBTOTAL - 2269,
      subtotalCents: SUBTOTAL,
      discountCents: 2269,
      coupon: 'BLACK10',
    })
  })

  test('refused: expired, inactive, under the minimum, other funnel, fixed ≥ total (no zero or negative PIX)', async ({
    assert,
  }) => {
    const { host, workspace, checkout } = await couponShop()
    const elsewhere = await couponShop('loja2')
    const { FunnelFactory } = await import('#database/factories/funnel_factory')
    const otherFunnel = await FunnelFactory.merge({ workspaceId: workspace.id }).create()
    assert.notEqual(otherFunnel.id, elsewhere.funnel.id)
    await aCoupon(workspace, { code: 'VENCIDO', expiresAt: past() })
    await aCoupon(workspace, { code: 'PAUSADO', isActive: false })
    await aCoupon(workspace, { code: 'MINIMO', minOrderCents: 30000 })
    await aCoupon(workspace, {
      code: 'TUDO',
      discountType: 'fixed',
      percentOff: null,
      amountOffCents: 19700,
    })
    await aCoupon(workspace, {
      code: 'DEMAIS',
      discountType: 'fixed',
      percentOff: null,
      amountOffCents: 50000,
    })
    const restricted = await aCoupon(workspace, { code: 'SOOUTRO' })
    await restricted.related('funnels').attach({ [otherFunnel.id]: { workspace_id: workspace.id } })

    const expected: Record<string, string> = {
      VENCIDO: 'Este cupom expirou.',
      PAUSADO: 'Este cupom não está mais ativo.',
      MINIMO: 'O pedido não atinge o valor mínimo deste cupom.',
      TUDO: 'O desconto deste cupom não pode ser aplicado a este pedido.',
      DEMAIS: 'O desconto deste cupom não pode ser aplicado a este pedido.',
      SOOUTRO: 'Este cupom não vale para esta oferta.',
    }
    for (const [code, message] of Object.entries(expected)) {
      const quote = await applyCoupon(host, checkout.id, { coupon: code })
      assert.equal(quote.status, 422, code)
      assert.equal(quote.body.errors[0].message, message, code)
      const submitted = await submitCheckout(host, checkout.id, { ...buyer(), coupon: code })
      assert.equal(submitted.status, 422, code)
      assert.deepEqual(submitted.body.errors, [{ field: 'coupon', rule: 'coupon', message }])
    }
    /** With a bump the order reaches R$ 300? No: 197 + 29,90 + 47 = 273,90 < 300: still refused. */
    assert.equal(
      (await applyCoupon(host, checkout.id, { coupon: 'MINIMO', bumps: [0, 1] })).status,
      422
    )
    assert.equal(
      await Payment.query()
        .count('* as n')
        .then((r) => Number(r[0].$extras.n)),
      0
    )
    /** The fixed coupon below the total applies (R$ 197,00 − R$ 196,99 = R$ 0,01). */
    await aCoupon(workspace, {
      code: 'QUASE',
      discountType: 'fixed',
      percentOff: null,
      amountOffCents: 19699,
    })
    const cheap = await submitCheckout(host, checkout.id, { ...buyer(), coupon: 'QUASE' })
    assert.equal(cheap.status, 201)
    assert.equal((await paymentOf(cheap.body.payment.token)).amountCents, 1)
  })

  test('the database refuses a zero total even if the code path were bypassed', async ({
    assert,
  }) => {
    const { workspace } = await couponShop()
    const { PaymentFactory } = await import('#database/factories/payment_factory')
    await assert.rejects(() =>
      PaymentFactory.merge({
        workspaceId: workspace.id,
        amountCents: 0,
        subtotalCents: 19700,
        discountCents: 19700,
      }).create()
    )
    await assert.rejects(() =>
      PaymentFactory.merge({
        workspaceId: workspace.id,
        amountCents: 19700,
        subtotalCents: 19700,
        discountCents: 100,
      }).create()
    )
  })
})

test.group('Coupons at checkout: limits and abuse', (group) => {
  freshDatabase(group)
  group.each.setup(() => emptyQueues())

  test('total uses: the last use is taken once, then "limite de usos"', async ({ assert }) => {
    const { host, workspace, checkout } = await couponShop()
    const coupon = await aCoupon(workspace, { code: 'UMAVEZ', maxUses: 1 })
    const first = await submitCheckout(host, checkout.id, { ...buyer(1), coupon: 'UMAVEZ' })
    assert.equal(first.status, 201)
    const second = await submitCheckout(host, checkout.id, { ...buyer(2), coupon: 'UMAVEZ' })
    assert.equal(second.status, 422)
    assert.equal(second.body.errors[0].message, 'Este cupom já atingiu o limite de usos.')
    await coupon.refresh()
    assert.equal(coupon.usesCount, 1)
  })

  test('per buyer: the same e-mail (any case) or the same CPF cannot use it again', async ({
    assert,
  }) => {
    const { host, workspace, checkout } = await couponShop()
    const coupon = await aCoupon(workspace, { code: 'PORPESSOA', maxUsesPerBuyer: 1 })
    const first = await submitCheckout(host, checkout.id, { ...buyer(1), coupon: 'PORPESSOA' })
    assert.equal(first.status, 201)

    const sameEmail = await submitCheckout(host, checkout.id, {
      ...buyer(2, { email: 'MARIA1@exemplo.com.br' }),
      coupon: 'PORPESSOA',
    })
    assert.equal(sameEmail.status, 422)
    assert.equal(
      sameEmail.body.errors[0].message,
      'Você já usou este cupom o número máximo de vezes.'
    )
    const sameCpf = await submitCheckout(host, checkout.id, {
      ...buyer(3, { cpf: buyer(1).cpf }),
      coupon: 'PORPESSOA',
    })
    assert.equal(sameCpf.status, 422)
    const someoneElse = await submitCheckout(host, checkout.id, {
      ...buyer(4),
      coupon: 'PORPESSOA',
    })
    assert.equal(someoneElse.status, 201)
    await coupon.refresh()
    /** The refused attempts rolled their increment back with the payment. */
    assert.equal(coupon.usesCount, 2)
    assert.equal(
      await Payment.query()
        .count('* as n')
        .then((r) => Number(r[0].$extras.n)),
      2
    )
  })

  test('concurrent last use: 8 parallel checkouts for 1 use left, exactly one gets it', async ({
    assert,
  }) => {
    const { host, workspace, checkout } = await couponShop()
    const coupon = await aCoupon(workspace, { code: 'ULTIMO', maxUses: 5, usesCount: 4 })
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, n) =>
        submitCheckout(host, checkout.id, { ...buyer(n + 10), coupon: 'ULTIMO' })
      )
    )
    const statuses = results.map((result) => result.status).sort()
    assert.deepEqual(statuses, [201, 422, 422, 422, 422, 422, 422, 422])
    for (const refused of results.filter((result) => result.status === 422)) {
      assert.equal(refused.body.errors[0].field, 'coupon')
    }
    await coupon.refresh()
    assert.equal(coupon.usesCount, 5)
    const redemptions = await CouponRedemption.query().where('coupon_id', coupon.id)
    assert.lengthOf(redemptions, 1)
    const payments = await Payment.query().where('coupon_id', coupon.id)
    assert.lengthOf(payments, 1)
    assert.equal(payments[0].discountCents, 1970)
  })

  test('an unpaid PIX gives its use back (expired, failed); paid after expiry takes it again', async ({
    assert,
  }) => {
    const { host, workspace, checkout } = await couponShop()
    const coupon = await aCoupon(workspace, { code: 'VOLTA', maxUses: 1 })
    const first = await submitCheckout(host, checkout.id, { ...buyer(1), coupon: 'VOLTA' })
    const payment = await paymentOf(first.body.payment.token)
    await ApplyPaymentTransition.handle({
      workspaceId: workspace.id,
      paymentId: payment.id,
      to: 'expired',
      source: 'expiry',
    })
    await coupon.refresh()
    assert.equal(coupon.usesCount, 0)
    const again = await submitCheckout(host, checkout.id, { ...buyer(2), coupon: 'VOLTA' })
    assert.equal(again.status, 201)
    await coupon.refresh()
    assert.equal(coupon.usesCount, 1)

    /** The first buyer pays the expired PIX after all: the use is theirs again. */
    await ApplyPaymentTransition.handle({
      workspaceId: workspace.id,
      paymentId: payment.id,
      to: 'paid',
      source: 'webhook',
    })
    await coupon.refresh()
    assert.equal(coupon.usesCount, 2)
    const live = await CouponRedemption.query()
      .where('coupon_id', coupon.id)
      .whereNull('released_at')
    assert.lengthOf(live, 2)
  })
})

test.group('Coupons downstream: API, UTMify, dashboard', (group) => {
  freshDatabase(group)
  let stub: StubServer
  group.each.setup(async () => {
    await emptyQueues()
    stub = await StubServer.start()
    return () => stub.close()
  })

  test('API create with a coupon answers the discount; a bad code is a 422 on `coupon`', async ({
    client,
    assert,
  }) => {
    const { workspace, owner, funnel, checkout } = await couponShop()
    await aCoupon(workspace, { code: 'API20', percentOff: 20 })
    const token = await apiToken(owner, workspace)
    const created = await client
      .post(route('api.payments.create'))
      .bearerToken(token)
      .json({ funnel_id: funnel.id, step_id: checkout.id, customer: buyer(), coupon: 'api20' })
    created.assertStatus(201)
    assert.containSubset(created.body().payment, {
      amountCents: 15760,
      subtotalCents: 19700,
      discountCents: 3940,
      couponCode: 'API20',
    })
    const refused = await client
      .post(route('api.payments.create'))
      .bearerToken(token)
      .json({ funnel_id: funnel.id, step_id: checkout.id, customer: buyer(), coupon: 'NOPE' })
    refused.assertStatus(422)
    assert.deepEqual(refused.body().errors, [
      { field: 'coupon', rule: 'coupon', message: 'Cupom inválido.' },
    ])
    /** A customer error still names the nested field. */
    const invalid = await client
      .post(route('api.payments.create'))
      .bearerToken(token)
      .json({ funnel_id: funnel.id, step_id: checkout.id, customer: buyer(0, { cpf: '1' }) })
    invalid.assertStatus(422)
    assert.equal(invalid.body().errors[0].field, 'customer.cpf')
  })

  test('UTMify receives the net total in commission and the list prices in products', async ({
    assert,
  }) => {
    stub.on('POST', '/orders', { status: 200, body: { ok: true } })
    const { host, workspace, checkout } = await couponShop()
    await CredentialFactory.merge({
      workspaceId: workspace.id,
      service: 'utmify',
      name: 'UTMify',
      apiKey: 'utm-token-123',
      apiUrl: stub.url,
    }).create()
    await aCoupon(workspace, { code: 'UTM10', percentOff: 10 })
    const submitted = await submitCheckout(host, checkout.id, {
      ...buyer(),
      bumps: [0],
      coupon: 'UTM10',
    })
    const payment = await paymentOf(submitted.body.payment.token)
    await PlanPaymentPostbacks.handle({
      workspaceId: workspace.id,
      paymentId: payment.id,
      status: 'pending',
    })
    const delivery = await PostbackDelivery.query()
      .where('workspace_id', workspace.id)
      .where('target', 'utmify')
      .firstOrFail()
    const result = await DeliverPostback.handle({
      workspaceId: workspace.id,
      deliveryId: delivery.id,
    })
    assert.equal(result.outcome, 'succeeded')
    const [order] = stub.requestsTo('POST', '/orders')
    assert.deepEqual(
      order.body.products.map((product: any) => product.priceInCents),
      [19700, 2990]
    )
    assert.deepEqual(order.body.commission, {
      totalPriceInCents: SUBTOTAL - 2269,
      gatewayFeeInCents: 0,
      userCommissionInCents: SUBTOTAL - 2269,
      currency: 'BRL',
    })
  })

  test('dashboard revenue is net of discounts', async ({ client, assert }) => {
    const { host, workspace, owner, funnel, checkout } = await couponShop()
    await aCoupon(workspace, {
      code: 'DASH',
      discountType: 'fixed',
      percentOff: null,
      amountOffCents: 5000,
    })
    const withCoupon = await submitCheckout(host, checkout.id, { ...buyer(1), coupon: 'DASH' })
    const without = await submitCheckout(host, checkout.id, buyer(2))
    for (const token of [withCoupon.body.payment.token, without.body.payment.token]) {
      const payment = await paymentOf(token)
      await ApplyPaymentTransition.handle({
        workspaceId: workspace.id,
        paymentId: payment.id,
        to: 'paid',
        source: 'webhook',
      })
    }
    const today = DateTime.now().setZone('America/Sao_Paulo').toISODate()!
    const response = await client
      .get(route('api.analytics.dashboard'))
      .qs({ from: today, to: today, funnelId: funnel.id })
      .bearerToken(await apiToken(owner, workspace))
    response.assertStatus(200)
    assert.equal(response.body().kpis.revenueCents, 19700 - 5000 + 19700)
    assert.deepEqual(response.body().paymentsByStatus.paid, { count: 2, cents: 34400 })
    const coupon = await Coupon.findByOrFail('code', 'DASH')
    assert.equal(coupon.usesCount, 1)
  })
})
