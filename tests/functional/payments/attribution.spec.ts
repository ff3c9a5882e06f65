import { test } from '@japa/runner'
import { randomUUID } from 'node:crypto'
import Payment from '#models/payment'
import Visitor from '#models/visitor'
import FlushVisitorEvents from '#actions/tracking/flush_visitor_events'
import PlanPaymentPostbacks from '#actions/postbacks/plan_payment_postbacks'
import PostbackDelivery from '#models/postback_delivery'
import { CredentialFactory } from '#database/factories/credential_factory'
import { freshDatabase } from '#tests/helpers/database'
import { createTenant } from '#tests/helpers/tenants'
import { siteRequest } from '#tests/helpers/site_client'
import { StubServer } from '#tests/helpers/stub_server'
import { WorkerProcess } from '#tests/helpers/worker_process'
import { BUYER, emptyQueues, sellingFunnel } from '#tests/functional/payments/helpers'
import { EventBuffer } from '#services/event_buffer'
import queue from '#services/queue'

const LANDING =
  'https://loja-attr.localhost/curso?utm_source=facebook&utm_medium=cpc&utm_campaign=black-friday' +
  '&utm_content=video-1&utm_term=confeitaria&src=ig-story&sck=sck-42&fbclid=IwAR0xYz_AbC&ttclid=tt-1'

async function waitUntil(check: () => Promise<boolean> | boolean, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not met in time')
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** A shop with UTMify pointed at a stub answering the orders API. */
async function shop(stub: StubServer, slug = 'loja-attr') {
  const tenant = await createTenant({ workspaceSlug: slug })
  await CredentialFactory.merge({
    workspaceId: tenant.workspace.id,
    service: 'utmify',
    name: 'UTMify',
    apiKey: 'utm-token-123',
    apiUrl: stub.url,
  }).create()
  const made = await sellingFunnel(tenant.workspace)
  return { ...tenant, ...made, host: `${slug}.localhost` }
}

/** What the tracking script sends when the page opens (sendBeacon, JSON as text/plain). */
function landing(
  host: string,
  sid: string,
  ids: { funnelId: number; stepId: number },
  cookies = ''
) {
  return siteRequest(host, '/_funil/e', {
    method: 'POST',
    headers: {
      'content-type': 'text/plain',
      'cookie': `fd_sid=${sid}${cookies}`,
      'user-agent': 'Chrome/1',
    },
    body: JSON.stringify({
      events: [
        {
          id: randomUUID(),
          type: 'page_view',
          ...ids,
          url: LANDING,
          referrer: 'https://l.facebook.com/',
        },
      ],
    }),
  })
}

/** The checkout's script: buyer, bumps, and the landing the tracking script remembered. */
const AD_COOKIES =
  '; _fbp=fb.1.1700000000000.123456789; _ga=GA1.1.987654321.1700000000' +
  '; _ga_ABC123=GS2.1.s1700000500$o3$g1$t1700000600$j0$l0$h0; _ga_OTHER9=GS1.1.1690000000.2.1.1690000100.0.0.0'

function checkout(
  host: string,
  sid: string,
  stepId: number,
  tracking?: Record<string, string>,
  cookies = AD_COOKIES
) {
  return siteRequest(host, `/_funil/checkout/${stepId}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'accept': 'application/json',
      'cookie': `fd_sid=${sid}${cookies}`,
      'user-agent': 'Chrome/1',
    },
    body: JSON.stringify({ ...BUYER, bumps: [], ...(tracking ? { tracking } : {}) }),
  })
}

test.group('Payments: attribution is never lost on a fast checkout', (group) => {
  freshDatabase(group)
  let worker: WorkerProcess | undefined
  let stub: StubServer | undefined
  group.each.setup(async () => {
    await emptyQueues()
    await queue.connection().del(new EventBuffer().key)
  })
  group.each.teardown(async () => {
    await worker?.stop('SIGKILL')
    worker = undefined
    await stub?.close()
  })

  test('worker stopped, landing with UTMs, checkout 50 ms later, worker started → payment and UTMify order carry the UTMs', async ({
    assert,
  }) => {
    stub = await StubServer.start()
    stub.on('POST', '/orders', { status: 200, body: { ok: true } })
    const { workspace, funnel, checkout: step, host } = await shop(stub)
    const sid = 'buyerSession_0123456789ab'

    /** No worker runs: the landing waits in the Redis stream, no visitor row exists. */
    assert.equal((await landing(host, sid, { funnelId: funnel.id, stepId: step.id })).status, 204)
    await sleep(50)
    const response = await checkout(host, sid, step.id, {
      landingUrl: LANDING,
      referrer: 'https://l.facebook.com/',
    })
    assert.equal(response.status, 201, response.body)
    const token = JSON.parse(response.body).payment.token

    const created = await Payment.query().where('public_token', token).firstOrFail()
    assert.isNull(created.visitorId, 'the flush has not written the visitor yet')
    assert.equal(created.visitorSessionId, sid)
    assert.include(created.attribution, {
      utm_source: 'facebook',
      utm_medium: 'cpc',
      utm_campaign: 'black-friday',
      utm_content: 'video-1',
      utm_term: 'confeitaria',
      src: 'ig-story',
      sck: 'sck-42',
      fbclid: 'IwAR0xYz_AbC',
      ttclid: 'tt-1',
      landing_url: LANDING,
      referrer: 'https://l.facebook.com/',
      ga_client_id: '987654321.1700000000',
      user_agent: 'Chrome/1',
    })
    assert.deepEqual(created.attribution.ga_sessions, {
      ABC123: '1700000500',
      OTHER9: '1690000000',
    })
    /** Meta's parameter builder may append its language suffix; the cookie value is kept. */
    assert.match(created.attribution.fbp!, /^fb\.1\.1700000000000\.123456789(\.|$)/)
    assert.match(created.attribution.fbc!, /^fb\.1\.\d+\.IwAR0xYz_AbC(\.|$)/)

    /** The worker starts: the flush writes the visitor and links the payment; UTMify hears. */
    worker = new WorkerProcess(['--queues', 'tracking', '--queues', 'postbacks'])
    await worker.start()
    await waitUntil(async () => {
      const payment = await Payment.findOrFail(created.id)
      return payment.visitorId !== null && stub!.requestsTo('POST', '/orders').length === 1
    })

    const visitor = await Visitor.query()
      .where('workspace_id', workspace.id)
      .where('session_id', sid)
      .firstOrFail()
    const linked = await Payment.findOrFail(created.id)
    assert.equal(linked.visitorId, visitor.id)
    assert.equal(visitor.utmSource, 'facebook')

    const [order] = stub.requestsTo('POST', '/orders')
    assert.equal(order.body.orderId, token)
    assert.equal(order.body.status, 'waiting_payment')
    assert.deepEqual(order.body.trackingParameters, {
      src: 'ig-story',
      sck: 'sck-42',
      utm_source: 'facebook',
      utm_campaign: 'black-friday',
      utm_medium: 'cpc',
      utm_content: 'video-1',
      utm_term: 'confeitaria',
    })
  })

  test('the flush links a payment once, only in its own workspace; a checkout without the script still gets the visitor attribution', async ({
    assert,
  }) => {
    stub = await StubServer.start()
    const mine = await shop(stub)
    const other = await shop(stub, 'outra-loja')
    const sid = 'sharedSession_0123456789'

    /** The same cookie value on another workspace's host names another visitor. */
    const theirs = await checkout(other.host, sid, other.checkout.id)
    assert.equal(theirs.status, 201, theirs.body)
    await landing(mine.host, sid, { funnelId: mine.funnel.id, stepId: mine.checkout.id })
    /** An old page without the tracking data: the payment has cookies only. */
    const response = await checkout(mine.host, sid, mine.checkout.id)
    assert.equal(response.status, 201, response.body)
    const payment = await Payment.query()
      .where('public_token', JSON.parse(response.body).payment.token)
      .firstOrFail()
    assert.isUndefined(payment.attribution.utm_source)

    await FlushVisitorEvents.handle()
    const visitor = await Visitor.query()
      .where('workspace_id', mine.workspace.id)
      .where('session_id', sid)
      .firstOrFail()
    await payment.refresh()
    assert.equal(payment.visitorId, visitor.id)
    const otherPayment = await Payment.query()
      .where('workspace_id', other.workspace.id)
      .firstOrFail()
    assert.isNull(otherPayment.visitorId, 'never linked across workspaces')

    /** A replayed batch changes nothing (idempotent). */
    const updatedAt = payment.updatedAt.toMillis()
    await landing(mine.host, sid, { funnelId: mine.funnel.id, stepId: mine.checkout.id })
    await FlushVisitorEvents.handle()
    await payment.refresh()
    assert.equal(payment.visitorId, visitor.id)
    assert.equal(payment.updatedAt.toMillis(), updatedAt)

    /** The order falls back on the visitor's first touch where the payment's copy is silent. */
    const { buildUtmifyOrder } = await import('#integrations/utmify/orders')
    const order = buildUtmifyOrder(payment, visitor, 'waiting_payment')
    assert.equal(order.trackingParameters.utm_source, 'facebook')
    assert.equal(order.trackingParameters.sck, 'sck-42')
  })

  test('GA4 purchase: client_id and session_id from the _ga cookies the beacon or the checkout saw', async ({
    assert,
  }) => {
    stub = await StubServer.start()
    const { workspace, funnel, checkout: step, host } = await shop(stub)
    await CredentialFactory.merge({
      workspaceId: workspace.id,
      service: 'ga4',
      apiKey: 'ga-secret',
      apiUrl: stub.url,
      settings: { measurementId: 'G-ABC123' },
    }).create()
    const sid = 'gaSession_0123456789abcd'
    /** The beacons saw GA's cookies (set by gtag on the page); the checkout request did not. */
    await landing(host, sid, { funnelId: funnel.id, stepId: step.id }, AD_COOKIES)
    await FlushVisitorEvents.handle()
    const visitor = await Visitor.query().where('session_id', sid).firstOrFail()
    assert.equal(visitor.gaClientId, '987654321.1700000000')
    assert.deepEqual(visitor.gaSessions, { ABC123: '1700000500', OTHER9: '1690000000' })

    const response = await checkout(host, sid, step.id, { landingUrl: LANDING }, '')
    const payment = await Payment.query()
      .where('public_token', JSON.parse(response.body).payment.token)
      .firstOrFail()
    assert.equal(payment.visitorId, visitor.id)
    assert.isUndefined(payment.attribution.ga_client_id)
    await Payment.query().where('id', payment.id).update({ status: 'paid', paid_at: new Date() })
    await PlanPaymentPostbacks.handle({
      workspaceId: workspace.id,
      paymentId: payment.id,
      status: 'paid',
    })
    const ga = await PostbackDelivery.query()
      .where('workspace_id', workspace.id)
      .where('target', 'ga4')
      .firstOrFail()
    const body = (ga.request as any).body
    assert.equal(body.client_id, '987654321.1700000000', 'the browser id, not an invented one')
    assert.equal(body.events[0].params.session_id, '1700000500', "the measurement id's container")
    assert.equal(body.events[0].params.transaction_id, payment.publicToken)
  })

  test('a checkout without a campaign of its own waits for its visitor: the first UTMify update carries the landing UTMs', async ({
    assert,
  }) => {
    stub = await StubServer.start()
    stub.on('POST', '/orders', { status: 200, body: { ok: true } })
    const { funnel, checkout: step, host } = await shop(stub)
    const sid = 'noStorageSession_0123456'
    await landing(host, sid, { funnelId: funnel.id, stepId: step.id })
    /** The script could not remember the landing: it sent the checkout page itself. */
    const response = await checkout(host, sid, step.id, {
      landingUrl: `https://${host}/${funnel.slug}/${step.slug}`,
    })
    assert.equal(response.status, 201, response.body)
    const payment = await Payment.query()
      .where('public_token', JSON.parse(response.body).payment.token)
      .firstOrFail()
    assert.isTrue(payment.attribution.visitor_expected)
    assert.isUndefined(payment.attribution.utm_source)

    /** Postbacks run, the flush does not (lagging): nothing goes out without the visitor. */
    worker = new WorkerProcess(['--queues', 'postbacks', '--no-schedules'])
    await worker.start()
    await sleep(4000)
    assert.lengthOf(stub.requestsTo('POST', '/orders'), 0)

    await FlushVisitorEvents.handle()
    await waitUntil(() => stub!.requestsTo('POST', '/orders').length === 1, 15_000)
    const [order] = stub.requestsTo('POST', '/orders')
    assert.equal(order.body.status, 'waiting_payment')
    assert.equal(order.body.trackingParameters.utm_source, 'facebook')
    assert.equal(order.body.trackingParameters.sck, 'sck-42')
  })
})
