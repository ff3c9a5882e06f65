import { test } from '@japa/runner'
import Payment from '#models/payment'
import { freshDatabase } from '#tests/helpers/database'
import { apiToken, createTenant, workspaceMember } from '#tests/helpers/tenants'
import { WorkerProcess } from '#tests/helpers/worker_process'
import { serverUrl } from '#tests/helpers/server'
import { BUYER, emptyQueues, sellingFunnel } from '#tests/functional/payments/helpers'

test.group('Admin payments in Chromium', (group) => {
  freshDatabase(group)
  group.each.setup(() => emptyQueues())
  let worker: WorkerProcess | undefined
  group.each.teardown(async () => {
    await worker?.stop('SIGKILL')
    worker = undefined
  })

  test('list with totals → detail → "Marcar como pago" → the page shows Pago by itself', async ({
    visit,
    browserContext,
    assert,
  }) => {
    const { owner, workspace } = await createTenant()
    const { funnel, checkout } = await sellingFunnel(workspace)
    const created = await fetch(`${serverUrl()}/api/payments/create`, {
      method: 'POST',
      headers: {
        'authorization': `Bearer ${await apiToken(owner, workspace)}`,
        'content-type': 'application/json',
      },
      body: JSON.stringify({ funnelId: funnel.id, stepId: checkout.id, customer: BUYER }),
    })
    const { payment } = (await created.json()) as { payment: { id: number } }
    worker = new WorkerProcess(['--queues', 'webhooks', '--queues', 'postbacks', '--no-schedules'])
    await worker.start()

    await browserContext.loginAs(owner)
    const page = await visit(`/w/${workspace.slug}/payments`)
    await page.assertTextContains('[data-test="page-title"]', 'Pagamentos')
    await page.assertTextContains('[data-test="total-pending"]', 'R$ 197,00')
    await page.assertTextContains(`[data-test="payment-row-${payment.id}"]`, 'Maria da Silva')
    await page.locator(`[data-test="payment-link-${payment.id}"]`).click()
    await page.waitForURL(`**/payments/${payment.id}`)
    await page.assertTextContains('[data-test="payment-status"]', 'Pendente')
    await page.assertTextContains('[data-test="payment-timeline"]', 'Pagamento criado')

    await page.locator('[data-test="mark-paid"]').click()
    await page.assertTextContains('[data-test="payment-status"]', 'Pago')
    await page.assertTextContains('[data-test="payment-timeline"]', 'Pendente → Pago')
    await page.assertNotExists('[data-test="mark-paid"]')
    assert.equal((await Payment.findOrFail(payment.id)).status, 'paid')
  })

  test('a viewer sees payments without the write buttons', async ({ visit, browserContext }) => {
    const { workspace } = await createTenant()
    const { funnel } = await sellingFunnel(workspace)
    const payment = await Payment.create({
      workspaceId: workspace.id,
      publicToken: 'f'.repeat(32),
      funnelId: funnel.id,
      gateway: 'sandbox',
      externalId: `sbx_${'f'.repeat(32)}`,
      amountCents: 1990,
      status: 'pending',
      items: [{ kind: 'product', name: 'Ebook', priceCents: 1990, quantity: 1 }],
      customerData: { name: 'Ana' },
      gatewayResponse: {},
    })
    const viewer = await workspaceMember(workspace, 'viewer')
    await browserContext.loginAs(viewer)
    const page = await visit(`/w/${workspace.slug}/payments/${payment.id}`)
    await page.assertTextContains('[data-test="payment-items"]', 'Ebook')
    await page.assertNotExists('[data-test="mark-paid"]')
  })
})
