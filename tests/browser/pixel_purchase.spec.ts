import { test } from '@japa/runner'
import type { BrowserContext, Page } from 'playwright'
import Payment from '#models/payment'
import PostbackDelivery from '#models/postback_delivery'
import FunnelStep from '#models/funnel_step'
import type Workspace from '#models/workspace'
import type User from '#models/user'
import { CredentialFactory } from '#database/factories/credential_factory'
import { TrackingPixelFactory } from '#database/factories/tracking_pixel_factory'
import { freshDatabase } from '#tests/helpers/database'
import { apiToken, createTenant } from '#tests/helpers/tenants'
import { StubServer } from '#tests/helpers/stub_server'
import { WorkerProcess } from '#tests/helpers/worker_process'
import { serverUrl } from '#tests/helpers/server'
import { emptyQueues, sellingFunnel } from '#tests/functional/payments/helpers'
import { publish } from '#tests/helpers/publish'
import env from '#start/env'
import { nextFrames } from '#tests/helpers/wait_until'

interface PixelCall {
  lib: string
  args: any[]
  path: string
}

/**
 * The pixel libraries come from CDNs the test machine cannot reach: their requests are answered
 * with an empty script, and `fbq`, `ttq` and GA4's `dataLayer` are replaced, before any page
 * script runs, by recorders that report every call to the test (across navigations). The
 * pages' own snippets keep them: Meta's stops when `fbq` exists, TikTok's cannot overwrite the
 * read-only methods, gtag pushes into the existing `dataLayer`.
 */
/**
 * The thank-you page's own status read (the tracking script asks `/_funil/pay/<token>/status`
 * and fires the Purchase from its answer): resolves once that answer was read and the page
 * rendered twice after it, so a second Purchase would have been recorded by then. The PIX
 * page polls the same URL; the Referer tells the thank-you page's request apart.
 */
async function thankYouStatusRead(page: Page, token: string, slug: string) {
  const response = await page.waitForResponse(
    (candidate) =>
      candidate.url().includes(`/_funil/pay/${token}/status`) &&
      (candidate.request().headers()['referer'] ?? '').includes(`/${slug}`),
    { timeout: 15_000 }
  )
  await response.finished()
  await nextFrames(page)
}

async function recordPixels(context: BrowserContext) {
  const calls: PixelCall[] = []
  await context.route(
    /connect\.facebook\.net|analytics\.tiktok\.com|googletagmanager\.com/,
    (route) => route.fulfill({ status: 200, contentType: 'text/javascript', body: '' })
  )
  await context.exposeBinding('__recordPixel', ({ page }, lib: string, args: any[]) => {
    calls.push({ lib, args, path: new URL(page.url()).pathname })
  })
  await context.addInitScript(() => {
    const w = globalThis as any
    const recorder =
      (lib: string) =>
      (...args: unknown[]) =>
        w.__recordPixel(lib, JSON.parse(JSON.stringify(args)))
    w.fbq = recorder('fbq')
    const ttq: any = []
    for (const method of ['page', 'track', 'identify', 'load']) {
      Object.defineProperty(ttq, method, { value: recorder(`ttq.${method}`), writable: false })
    }
    w.ttq = ttq
    const dataLayer: any = []
    Object.defineProperty(dataLayer, 'push', {
      value: (args: ArrayLike<unknown>) => recorder('gtag')(...Array.from(args)),
      writable: false,
    })
    w.dataLayer = dataLayer
  })
  return calls
}

/** The Purchase calls of each library, as the pages made them. */
function purchases(calls: PixelCall[]) {
  return {
    meta: calls.filter((c) => c.lib === 'fbq' && c.args[0] === 'track' && c.args[1] === 'Purchase'),
    tiktok: calls.filter((c) => c.lib === 'ttq.track' && c.args[0] === 'CompletePayment'),
    ga4: calls.filter((c) => c.lib === 'gtag' && c.args[0] === 'event' && c.args[1] === 'purchase'),
  }
}

/** A shop with Meta, TikTok and GA4 pixels on its funnel, and Meta CAPI pointed at a stub. */
async function pixelShop(stub: StubServer) {
  const { owner, workspace } = await createTenant({ workspaceSlug: 'loja-pixel' })
  const { funnel, checkout, steps } = await sellingFunnel(workspace)
  /** No upsell in this funnel: the step after the checkout is the thank-you page. */
  await FunnelStep.query().where('id', steps.upsell.id).update({ is_active: false })
  await publish(funnel)
  for (const [pixelType, pixelId] of [
    ['facebook', '111222333444555'],
    ['tiktok', 'CTTPIXEL01'],
    ['google', 'G-ABC123'],
  ] as const) {
    await TrackingPixelFactory.merge({
      workspaceId: workspace.id,
      funnelId: funnel.id,
      pixelType,
      pixelId,
    }).create()
  }
  await CredentialFactory.merge({
    workspaceId: workspace.id,
    service: 'meta_capi',
    apiKey: 'meta-token',
    apiUrl: stub.url,
    settings: { pixelId: '123456' },
  }).create()
  return { owner, workspace, funnel, checkout, steps }
}

/** Someone else marks it paid (the API; it goes through the webhook inbox and the worker). */
async function markPaid(owner: User, workspace: Workspace, payment: Payment) {
  const marked = await fetch(`${serverUrl()}/api/payments/${payment.id}/mark`, {
    method: 'POST',
    headers: {
      'authorization': `Bearer ${await apiToken(owner, workspace)}`,
      'content-type': 'application/json',
    },
    body: JSON.stringify({ status: 'paid' }),
  })
  if (marked.status !== 202) throw new Error(`mark answered ${marked.status}`)
}

async function buy(page: Page) {
  await page.locator('input[name="name"]').fill('Maria da Silva')
  await page.locator('input[name="email"]').fill('maria@exemplo.com.br')
  await page.locator('input[name="phone"]').pressSequentially('11912345678')
  await page.locator('input[name="cpf"]').pressSequentially('52998224725')
  await page.locator('form[data-checkout-form] button[type="submit"]').click()
  await page.waitForURL(/\/_funil\/pay\/[0-9a-f]{32}$/)
  return page.url().split('/').pop()!
}

test.group('Browser Purchase de-duplicated with the server (Meta, TikTok, GA4)', (group) => {
  freshDatabase(group)
  group.each.setup(() => emptyQueues())
  let worker: WorkerProcess | undefined
  let stub: StubServer | undefined
  group.each.teardown(async () => {
    await worker?.stop('SIGKILL')
    worker = undefined
    await stub?.close()
  })

  test('paid on the PIX page: one Purchase per pixel with the public token, the same id as the server event', async ({
    visit,
    browserContext,
    assert,
  }) => {
    stub = await StubServer.start()
    stub.on('POST', '/v21.0/123456/events', { status: 200, body: { events_received: 1 } })
    const { owner, workspace, funnel, checkout, steps } = await pixelShop(stub)
    const calls = await recordPixels(browserContext)
    worker = new WorkerProcess(['--queues', 'webhooks', '--queues', 'postbacks', '--no-schedules'])
    await worker.start()

    const host = `http://loja-pixel.localhost:${env.get('PORT', 3334)}`
    /** The ad lands on the capture page; the checkout's own URL has no UTMs. */
    const landing = `${host}/${funnel.slug}/${steps.capture.slug}?utm_source=facebook&utm_campaign=bf&fbclid=IwAR0xYz`
    const page = await visit(landing)
    await page.goto(`${host}/${funnel.slug}/${checkout.slug}`)
    const token = await buy(page)
    const payment = await Payment.query().where('public_token', token).firstOrFail()
    assert.equal(payment.attribution.utm_source, 'facebook', 'the checkout carried the landing')
    assert.equal(payment.attribution.utm_campaign, 'bf')
    assert.equal(payment.attribution.landing_url, landing)
    /** The cookie the tracking script made before its first beacon is the payment's visitor. */
    const [sid] = (await browserContext.cookies()).filter((c) => c.name === 'fd_sid')
    assert.equal(payment.visitorSessionId, sid.value)
    assert.lengthOf(purchases(calls).meta, 0, 'nothing fires before the payment is paid')

    /** The thank-you page asks the status and must not fire again: wait until it has asked. */
    const statusRead = thankYouStatusRead(page, token, steps.thankyou.slug)
    await markPaid(owner, workspace, payment)
    await page.waitForURL(`**/${funnel.slug}/${steps.thankyou.slug}?p=${token}`, {
      timeout: 10_000,
    })
    await page.assertTextContains('body', 'Obrigado pela compra!')
    await statusRead

    const fired = purchases(calls)
    assert.lengthOf(fired.meta, 1, 'one Meta Purchase')
    assert.lengthOf(fired.tiktok, 1, 'one TikTok CompletePayment')
    assert.lengthOf(fired.ga4, 1, 'one GA4 purchase')
    const [meta] = fired.meta
    assert.equal(meta.path, `/_funil/pay/${token}`)
    assert.deepEqual(meta.args[3], { eventID: token })
    assert.deepEqual(meta.args[2], { value: payment.amountCents / 100, currency: 'BRL' })
    assert.equal(fired.tiktok[0].args[2].event_id, token)
    assert.include(fired.ga4[0].args[2], {
      send_to: 'G-ABC123',
      event_id: token,
      transaction_id: token,
      currency: 'BRL',
    })

    /** The server's Purchase carries the same event id: Meta counts one. */
    const deadline = Date.now() + 15_000
    while (
      !(await PostbackDelivery.query()
        .where('workspace_id', workspace.id)
        .where('target', 'meta')
        .where('status', 'succeeded')
        .first()) &&
      Date.now() < deadline
    ) {
      await new Promise((resolve) => setTimeout(resolve, 100))
    }
    const [server] = stub.requestsTo('POST', '/v21.0/123456/events')
    assert.equal(server.body.data[0].event_name, 'Purchase')
    assert.equal(server.body.data[0].event_id, token)
    assert.equal(server.body.data[0].event_id, meta.args[3].eventID)
  })

  test('paid while the PIX page was closed: the thank-you page fires the Purchase once', async ({
    visit,
    browserContext,
    assert,
  }) => {
    stub = await StubServer.start()
    stub.on('POST', '/v21.0/123456/events', { status: 200, body: { events_received: 1 } })
    const { owner, workspace, funnel, checkout, steps } = await pixelShop(stub)
    const calls = await recordPixels(browserContext)
    worker = new WorkerProcess(['--queues', 'webhooks', '--no-schedules'])
    await worker.start()

    const host = `http://loja-pixel.localhost:${env.get('PORT', 3334)}`
    const page = await visit(`${host}/${funnel.slug}/${checkout.slug}`)
    const token = await buy(page)
    const payment = await Payment.query().where('public_token', token).firstOrFail()
    /** The buyer leaves the PIX page before paying; the bank app pays. */
    await page.goto(`${host}/${funnel.slug}/${checkout.slug}`)
    await markPaid(owner, workspace, payment)
    const deadline = Date.now() + 10_000
    while ((await Payment.findOrFail(payment.id)).status !== 'paid' && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100))
    }

    const thankYou = `${host}/${funnel.slug}/${steps.thankyou.slug}?p=${token}`
    let statusRead = thankYouStatusRead(page, token, steps.thankyou.slug)
    await page.goto(thankYou)
    await statusRead
    statusRead = thankYouStatusRead(page, token, steps.thankyou.slug)
    await page.reload()
    await statusRead
    const fired = purchases(calls)
    assert.lengthOf(fired.meta, 1, 'once, even after a reload')
    assert.lengthOf(fired.tiktok, 1)
    assert.lengthOf(fired.ga4, 1)
    assert.equal(fired.meta[0].path, `/${funnel.slug}/${steps.thankyou.slug}`)
    assert.deepEqual(fired.meta[0].args[3], { eventID: token })

    /** A token of an unpaid payment fires nothing. */
    const other = await Payment.query()
      .where('workspace_id', workspace.id)
      .whereNot('id', payment.id)
      .first()
    assert.isNull(other)
    const unknown = '0'.repeat(32)
    statusRead = thankYouStatusRead(page, unknown, steps.thankyou.slug)
    await page.goto(`${host}/${funnel.slug}/${steps.thankyou.slug}?p=${unknown}`)
    await statusRead
    assert.lengthOf(purchases(calls).meta, 1)
  })
})
