import { test } from '@japa/runner'
import { createHash } from 'node:crypto'
import { DateTime } from 'luxon'
import PostbackDelivery from '#models/postback_delivery'
import type Workspace from '#models/workspace'
import PlanPaymentPostbacks from '#actions/postbacks/plan_payment_postbacks'
import DeliverPostback from '#actions/postbacks/deliver_postback'
import { CredentialFactory } from '#database/factories/credential_factory'
import { VisitorFactory } from '#database/factories/visitor_factory'
import { freshDatabase } from '#tests/helpers/database'
import { createTenant } from '#tests/helpers/tenants'
import { StubServer } from '#tests/helpers/stub_server'
import { aPayment, emptyQueues } from '#tests/functional/payments/helpers'
import { normalizePhone } from '#integrations/conversions'

const sha = (value: string) => createHash('sha256').update(value).digest('hex')
const FIRST_VISIT = DateTime.fromISO('2026-11-20T12:00:00Z')

async function configure(workspace: Workspace, stub: StubServer, only?: string[]) {
  const all = {
    meta_capi: { apiKey: 'meta-token', settings: { pixelId: '123456', testEventCode: 'TEST42' } },
    tiktok_events: { apiKey: 'tt-token', settings: { pixelCode: 'CTTPIXEL' } },
    ga4: { apiKey: 'ga-secret', settings: { measurementId: 'G-ABC123' } },
  }
  for (const [service, config] of Object.entries(all)) {
    if (only && !only.includes(service)) continue
    await CredentialFactory.merge({
      workspaceId: workspace.id,
      service: service as any,
      name: service,
      apiUrl: stub.url,
      ...config,
    }).create()
  }
}

async function paidSale(workspace: Workspace) {
  const visitor = await VisitorFactory.merge({
    workspaceId: workspace.id,
    ipAddress: '177.10.20.30',
    userAgent: 'Mozilla/5.0 (Linux; Android 14)',
    fbclid: 'IwAR0xYz_AbC',
    fbc: null,
    fbp: 'fb.1.1732000000000.987654321',
    ttclid: 'tt-click-1',
    landingUrl: 'https://loja.exemplo.com.br/oferta?fbclid=IwAR0xYz_AbC',
    firstVisit: FIRST_VISIT,
  }).create()
  const payment = await aPayment(workspace, {
    visitorId: visitor.id,
    status: 'paid',
    paidAt: DateTime.now(),
    amountCents: 22690,
    items: [
      { kind: 'product', name: 'Curso de confeitaria', priceCents: 19700, quantity: 1 },
      { kind: 'bump', name: 'Apostila impressa', priceCents: 2990, quantity: 1 },
    ],
    customerData: {
      name: '  Maria  da Silva ',
      email: ' Maria@Exemplo.com.BR ',
      phone: '(11) 91234-5678',
      cpf: '529.982.247-25',
    },
  })
  /** event_id and public_id come from database defaults. */
  await payment.refresh()
  await visitor.refresh()
  return { visitor, payment }
}

function deliveriesOf(workspace: Workspace) {
  return PostbackDelivery.query().where('workspace_id', workspace.id).orderBy('id', 'asc')
}

test.group('Postbacks: server-side conversions (Meta, TikTok, GA4)', (group) => {
  freshDatabase(group)
  let stub: StubServer
  group.each.setup(async () => {
    await emptyQueues()
    stub = await StubServer.start()
    return () => stub.close()
  })

  test('phone normalisation adds Brazil’s country code', ({ assert }) => {
    assert.equal(normalizePhone('(11) 91234-5678'), '5511912345678')
    assert.equal(normalizePhone('+55 11 91234-5678'), '5511912345678')
    assert.isNull(normalizePhone(''))
  })

  test('a paid payment sends Purchase to Meta, TikTok and GA4 per contract', async ({ assert }) => {
    stub.on('POST', '/v21.0/123456/events', { status: 200, body: { events_received: 1 } })
    stub.on('POST', '/event/track', { status: 200, body: { code: 0, message: 'OK' } })
    stub.on('POST', '/mp/collect', { status: 204 })
    const { workspace } = await createTenant()
    await configure(workspace, stub)
    const { visitor, payment } = await paidSale(workspace)

    const planned = await PlanPaymentPostbacks.handle({
      workspaceId: workspace.id,
      paymentId: payment.id,
      status: 'paid',
    })
    assert.deepEqual(planned, { planned: 3, dispatched: 3 })
    const rows = await deliveriesOf(workspace)
    assert.deepEqual(
      rows.map((row) => [row.target, row.event, row.dedupeKey]),
      [
        ['meta', 'Purchase', `meta:${payment.id}:paid`],
        ['tiktok', 'CompletePayment', `tiktok:${payment.id}:paid`],
        ['ga4', 'purchase', `ga4:${payment.id}:paid`],
      ]
    )
    for (const row of rows) {
      const result = await DeliverPostback.handle({ workspaceId: workspace.id, deliveryId: row.id })
      assert.equal(result.outcome, 'succeeded', row.target)
    }

    const [meta] = stub.requestsTo('POST', '/v21.0/123456/events')
    assert.equal(meta.query.access_token, 'meta-token')
    assert.equal(meta.body.test_event_code, 'TEST42')
    const event = meta.body.data[0]
    assert.include(event, {
      event_name: 'Purchase',
      action_source: 'website',
      /** The payment's public token: the id the PIX page's browser Purchase uses too. */
      event_id: payment.publicToken,
      event_source_url: 'https://loja.exemplo.com.br/oferta?fbclid=IwAR0xYz_AbC',
    })
    assert.equal(event.event_time, Math.floor(payment.paidAt!.toMillis() / 1000))
    assert.deepEqual(event.user_data, {
      em: [sha('maria@exemplo.com.br')],
      ph: [sha('5511912345678')],
      fn: [sha('maria')],
      ln: [sha('silva')],
      country: [sha('br')],
      external_id: [sha(visitor.publicId)],
      client_ip_address: '177.10.20.30',
      client_user_agent: 'Mozilla/5.0 (Linux; Android 14)',
      fbc: `fb.1.${FIRST_VISIT.toMillis()}.IwAR0xYz_AbC`,
      fbp: 'fb.1.1732000000000.987654321',
    })
    assert.deepEqual(event.custom_data, {
      currency: 'BRL',
      value: 226.9,
      content_ids: [`${payment.funnelId ?? 'funil'}-1`, `${payment.funnelId ?? 'funil'}-2`],
      content_type: 'product',
      order_id: payment.publicToken,
    })

    const [tiktok] = stub.requestsTo('POST', '/event/track/')
    assert.equal(tiktok.headers['access-token'], 'tt-token')
    assert.equal(tiktok.body.event_source, 'web')
    assert.equal(tiktok.body.event_source_id, 'CTTPIXEL')
    const tt = tiktok.body.data[0]
    assert.equal(tt.event, 'CompletePayment')
    assert.equal(tt.event_id, payment.publicToken)
    assert.deepEqual(tt.user, {
      ttclid: 'tt-click-1',
      email: sha('maria@exemplo.com.br'),
      phone: sha('5511912345678'),
      external_id: sha(visitor.publicId),
      ip: '177.10.20.30',
      user_agent: 'Mozilla/5.0 (Linux; Android 14)',
    })
    assert.equal(tt.properties.value, 226.9)
    assert.equal(tt.properties.currency, 'BRL')
    assert.lengthOf(tt.properties.contents, 2)

    const [ga] = stub.requestsTo('POST', '/mp/collect')
    assert.deepEqual(ga.query, { measurement_id: 'G-ABC123', api_secret: 'ga-secret' })
    assert.equal(ga.body.client_id, visitor.publicId)
    assert.equal(ga.body.events[0].name, 'purchase')
    assert.include(ga.body.events[0].params, {
      transaction_id: payment.publicToken,
      value: 226.9,
      currency: 'BRL',
    })
    assert.deepEqual(
      ga.body.events[0].params.items.map((item: any) => [item.item_name, item.price]),
      [
        ['Curso de confeitaria', 197],
        ['Apostila impressa', 29.9],
      ]
    )
    /** No raw buyer data is stored in the delivery log. */
    const stored = JSON.stringify((await deliveriesOf(workspace)).map((row) => row.request))
    assert.notInclude(stored, 'maria@exemplo.com.br')
    assert.notInclude(stored, '91234')
  })

  test('only configured destinations, only on paid; a TikTok refusal code is final', async ({
    assert,
  }) => {
    stub.on('POST', '/event/track', { status: 200, body: { code: 40002, message: 'bad' } })
    const { workspace } = await createTenant()
    await configure(workspace, stub, ['tiktok_events'])
    /** A Meta credential without a pixel id is not a configured destination. */
    await CredentialFactory.merge({
      workspaceId: workspace.id,
      service: 'meta_capi',
      apiUrl: stub.url,
      settings: {},
    }).create()
    const { payment } = await paidSale(workspace)

    assert.deepEqual(
      await PlanPaymentPostbacks.handle({
        workspaceId: workspace.id,
        paymentId: payment.id,
        status: 'pending',
      }),
      { planned: 0, dispatched: 0 }
    )
    await PlanPaymentPostbacks.handle({
      workspaceId: workspace.id,
      paymentId: payment.id,
      status: 'paid',
    })
    const rows = await deliveriesOf(workspace)
    assert.deepEqual(
      rows.map((row) => row.target),
      ['tiktok']
    )
    const result = await DeliverPostback.handle({
      workspaceId: workspace.id,
      deliveryId: rows[0].id,
    })
    assert.equal(result.outcome, 'dead')
    await rows[0].refresh()
    assert.equal(rows[0].responseStatus, 200)
    assert.include(rows[0].responseExcerpt!, '40002')
  })
})
