import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import PostbackDelivery from '#models/postback_delivery'
import queue from '#services/queue'
import { freshDatabase } from '#tests/helpers/database'
import { createTenant, workspaceMember } from '#tests/helpers/tenants'
import { aPayment, emptyQueues } from '#tests/functional/payments/helpers'
import { aDelivery } from '#tests/functional/deliveries/fixtures'
import { CredentialFactory } from '#database/factories/credential_factory'
import { WebhookEndpointFactory } from '#database/factories/webhook_endpoint_factory'
import { broadcastToWorkspace } from '#services/realtime'
import { StubServer } from '#tests/helpers/stub_server'
import DeliverPostback from '#actions/postbacks/deliver_postback'

test.group('Entregas in Chromium', (group) => {
  freshDatabase(group)
  group.each.setup(() => emptyQueues())

  test('a dead delivery shows its request in the sheet; "Reenviar" turns it into pending', async ({
    visit,
    browserContext,
    assert,
  }) => {
    const { owner, workspace } = await createTenant()
    const payment = await aPayment(workspace, { status: 'paid' })
    const dead = await aDelivery(workspace, {
      target: 'utmify',
      event: 'order.paid',
      paymentId: payment.id,
      status: 'dead',
      attempts: 3,
      responseStatus: 400,
      responseExcerpt: '{"message":"Invalid order"}',
      lastError: 'HTTP 400',
      request: { body: { orderId: `PIX-${payment.id}`, status: 'paid' } },
    })
    await aDelivery(workspace, { target: 'ga4', event: 'purchase', status: 'succeeded' })
    /** A network failure is recorded as the worker saw it ("unreachable"); people read pt-BR. */
    const offline = await aDelivery(workspace, {
      target: 'meta',
      event: 'Purchase',
      status: 'failed',
      responseStatus: null,
      lastError: 'unreachable',
    })

    await browserContext.loginAs(owner)
    const page = await visit(`/w/${workspace.slug}/deliveries`)
    await page.assertTextContains('[data-test="page-title"]', 'Entregas')
    await page.assertTextContains('[data-test="total-dead"]', '1')
    await page.assertTextContains('[data-test="total-succeeded"]', '1')
    const row = `[data-test="delivery-row-${dead.id}"]`
    await page.assertTextContains(row, 'UTMify')
    await page.assertTextContains(row, 'Falha definitiva')
    await page.assertTextContains(row, 'HTTP 400')
    const offlineError = `[data-test="delivery-row-${offline.id}"] [data-test="delivery-error"]`
    await page.assertTextContains(offlineError, 'Destino inacessível')
    assert.notInclude(await page.locator(offlineError).innerText(), 'unreachable')
    assert.equal(await page.locator(offlineError).getAttribute('title'), 'unreachable')

    await page.locator(`[data-test="delivery-details-${dead.id}"]`).click()
    await page.waitForURL(`**/deliveries/${dead.id}`)
    await page.assertTextContains(
      '[data-test="delivery-request"]',
      `"orderId": "PIX-${payment.id}"`
    )
    await page.assertTextContains('[data-test="delivery-response"]', '"message": "Invalid order"')
    await page.keyboard.press('Escape')
    await page.waitForURL(`**/w/${workspace.slug}/deliveries`)
    await page.assertNotExists('[data-test="delivery-sheet"]')

    await page.locator(`[data-test="redeliver-${dead.id}"]`).click()
    await page.assertTextContains(`${row} [data-test="delivery-status"]`, 'Pendente')
    await page.assertTextContains('[data-sonner-toast]', 'Entrega colocada de volta na fila')
    await page.assertNotExists(`[data-test="redeliver-${dead.id}"]`)
    await page.assertTextContains('[data-test="total-pending"]', '1')
    assert.equal((await PostbackDelivery.findOrFail(dead.id)).status, 'pending')
    const jobs = await queue.queue('postbacks').getJobs(['waiting', 'delayed'])
    assert.deepEqual(
      jobs.map((job) => job.data.deliveryId),
      [Number(dead.id)]
    )
  })

  test('the chart shows the last 14 days in stacked bars and the failing destination, live', async ({
    visit,
    browserContext,
    assert,
  }) => {
    const { owner, workspace } = await createTenant()
    const today = DateTime.now().setZone('America/Sao_Paulo').startOf('day')
    const crm = await WebhookEndpointFactory.merge({
      workspaceId: workspace.id,
      name: 'CRM',
    }).create()
    const at = (days: number) => today.minus({ days }).plus({ hours: 10 })
    await aDelivery(workspace, { target: 'utmify', status: 'succeeded', createdAt: at(0) })
    await aDelivery(workspace, { target: 'utmify', status: 'succeeded', createdAt: at(2) })
    await aDelivery(workspace, { target: 'meta', status: 'failed', createdAt: at(2) })
    const dead = await aDelivery(workspace, {
      target: 'custom',
      event: 'payment.paid',
      webhookEndpointId: crm.id,
      status: 'dead',
      createdAt: at(5),
    })

    await browserContext.loginAs(owner)
    const page = await visit(`/w/${workspace.slug}/deliveries`)
    const chart = '[data-test="deliveries-chart"]'
    await page.locator(`${chart} svg.recharts-surface`).first().waitFor()
    await page.assertTextContains('[data-test="deliveries-chart-period"]', 'Últimos 14 dias')
    /** One rectangle per non-empty (day, status): succeeded ×2, failed, dead. */
    const bars = page.locator(`${chart} .recharts-bar-rectangle path`)
    await bars.nth(3).waitFor()
    assert.equal(await bars.count(), 4)
    await page.assertTextContains(`${chart} .recharts-legend-wrapper`, 'Falha definitiva')

    const webhook = `[data-test="destination-endpoint-${crm.id}"]`
    await page.assertTextContains(webhook, 'Webhook “CRM”')
    await page.assertText(`${webhook} [data-test="destination-dead"]`, '1')
    await page.assertText(`${webhook} [data-test="destination-rate"]`, '0%')
    await page.assertText('[data-test="destination-utmify"] [data-test="destination-rate"]', '100%')

    /** A delivery that changes under the agency's eyes moves the chart too, without a reload. */
    await page.locator('[data-test="deliveries-live"][data-live="true"]').waitFor()
    await PostbackDelivery.query().where('id', dead.id).update({ status: 'succeeded' })
    broadcastToWorkspace(workspace.id, 'delivery_updated', {
      deliveryId: Number(dead.id),
      outcome: 'succeeded',
      paymentId: null,
    })
    await page.assertText(`${webhook} [data-test="destination-rate"]`, '100%')
    await page.assertText(`${webhook} [data-test="destination-dead"]`, '0')

    /** A destination's name filters the page to it. */
    await page.locator(`${webhook} a`).click()
    await page.waitForURL(`**/deliveries?target=custom&webhookEndpointId=${crm.id}`)
    await page.assertTextContains(`[data-test="delivery-row-${dead.id}"]`, 'Webhook “CRM”')
    await page.assertNotExists('[data-test="destination-utmify"]')
  })

  test('a viewer sees the log without "Reenviar"', async ({ visit, browserContext }) => {
    const { workspace } = await createTenant()
    const dead = await aDelivery(workspace, { status: 'dead', lastError: 'HTTP 400' })
    const viewer = await workspaceMember(workspace, 'viewer')
    await browserContext.loginAs(viewer)
    const page = await visit(`/w/${workspace.slug}/deliveries`)
    await page.assertTextContains(`[data-test="delivery-row-${dead.id}"]`, 'Falha definitiva')
    await page.assertNotExists(`[data-test="redeliver-${dead.id}"]`)
  })

  test('the list follows live: a delivery sent by a worker turns "Entregue" without a reload', async ({
    visit,
    browserContext,
    assert,
  }) => {
    const stub = await StubServer.start()
    try {
      stub.on('POST', '/orders', { status: 200, body: { ok: true } })
      const { owner, workspace } = await createTenant()
      await CredentialFactory.merge({
        workspaceId: workspace.id,
        service: 'utmify',
        apiUrl: stub.url,
      }).create()
      const pending = await aDelivery(workspace, {
        target: 'utmify',
        event: 'order.paid',
        status: 'pending',
        request: { body: { orderId: 'PIX-1', status: 'paid' } },
      })
      await browserContext.loginAs(owner)
      const page = await visit(`/w/${workspace.slug}/deliveries`)
      const status = `[data-test="delivery-row-${pending.id}"] [data-test="delivery-status"]`
      await page.assertTextContains(status, 'Pendente')
      /** Subscribed (the server confirmed the live channel) before the worker acts. */
      await page.locator('[data-test="deliveries-live"][data-live="true"]').waitFor()
      await page.evaluate(() => ((globalThis as any).__notReloaded = true))

      await DeliverPostback.handle({ workspaceId: workspace.id, deliveryId: pending.id })
      await page.assertTextContains(status, 'Entregue')
      await page.assertTextContains('[data-test="total-succeeded"]', '1')
      assert.isTrue(await page.evaluate(() => (globalThis as any).__notReloaded === true))
    } finally {
      await stub.close()
    }
  })
})
