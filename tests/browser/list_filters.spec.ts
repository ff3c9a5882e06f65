import { test } from '@japa/runner'
import type { Locator, Page } from 'playwright'
import { DateTime } from 'luxon'
import { FunnelFactory } from '#database/factories/funnel_factory'
import { FunnelStepFactory } from '#database/factories/funnel_step_factory'
import { PaymentFactory } from '#database/factories/payment_factory'
import { PostbackDeliveryFactory } from '#database/factories/postback_delivery_factory'
import { VisitorFactory } from '#database/factories/visitor_factory'
import { freshDatabase } from '#tests/helpers/database'
import { createTenant } from '#tests/helpers/tenants'
import { aPayment, emptyQueues } from '#tests/functional/payments/helpers'
import { deliveryLog, saoPaulo } from '#tests/functional/deliveries/fixtures'

/** The lists' page size (ListPayments, ListVisitors, ListDeliveries). */
const PAGE_SIZE = 25

/**
 * Clicks `target` and returns the query string of the page its client-side visit opens (read
 * before the click: the visit can finish before the click returns).
 */
async function visitBy(page: Page, target: string | Locator) {
  const before = new URL(page.url()).search
  await (typeof target === 'string' ? page.locator(target) : target).click()
  await page.waitForURL((url) => url.search !== before)
  return new URL(page.url()).search
}

/** Exactly these rows are listed (`prefix` is the rows' `data-test`, e.g. `payment-row-`). */
async function assertRows(page: Page, prefix: string, ids: Array<number | string>) {
  await page.assertElementsCount(`[data-test^="${prefix}"]`, ids.length)
  for (const id of ids) await page.assertExists(`[data-test="${prefix}${id}"]`)
}

/** Clicks "Próxima" and returns the query string of the page it opened. */
function nextPage(page: Page) {
  return visitBy(page, page.getByRole('link', { name: 'Próxima' }))
}

test.group('List filters in Chromium', (group) => {
  freshDatabase(group)
  group.each.setup(() => emptyQueues())

  test('payments: "Aplicar" sends every filter and lists only matching payments; "Limpar" clears them', async ({
    visit,
    browserContext,
    assert,
  }) => {
    const { owner, workspace } = await createTenant()
    const launch = await FunnelFactory.merge({ workspaceId: workspace.id, name: 'Lança' }).create()
    const other = await FunnelFactory.merge({ workspaceId: workspace.id, name: 'Outro' }).create()
    const january = saoPaulo('2026-01-15T12:00:00')
    const payment = (merge: Record<string, unknown>) =>
      aPayment(workspace, { funnelId: launch.id, status: 'paid', createdAt: january, ...merge })
    const match = await payment({})
    const pending = await payment({ status: 'pending' })
    const february = await payment({ createdAt: saoPaulo('2026-02-10T12:00:00') })
    const elsewhere = await payment({ funnelId: other.id })
    const all = [match.id, pending.id, february.id, elsewhere.id]
    const base = `/w/${workspace.slug}/payments`
    const clear = '[data-test="payment-filters"] a'

    await browserContext.loginAs(owner)
    const page = await visit(base)
    await assertRows(page, 'payment-row-', all)
    await page.assertNotExists(clear)

    await page.locator('[data-test="filter-status"]').selectOption('paid')
    await page.locator('[data-test="filter-funnel"]').selectOption(String(launch.id))
    await page.locator('#filter-from').fill('2026-01-01')
    await page.locator('#filter-to').fill('2026-02-01')
    assert.equal(
      await visitBy(page, '[data-test="filter-apply"]'),
      `?status=paid&funnelId=${launch.id}&from=2026-01-01&to=2026-02-01`
    )
    await assertRows(page, 'payment-row-', [match.id])
    await page.assertInputValue('#filter-status', 'paid')
    await page.assertInputValue('#filter-to', '2026-02-01')
    await page.assertTextContains(clear, 'Limpar')
    assert.equal(await page.locator(clear).getAttribute('href'), base)

    await page.locator('#filter-from').fill('')
    await page.locator('#filter-status').selectOption('')
    assert.equal(
      await visitBy(page, '[data-test="filter-apply"]'),
      `?funnelId=${launch.id}&to=2026-02-01`
    )
    await assertRows(page, 'payment-row-', [match.id, pending.id])

    assert.equal(await visitBy(page, clear), '')
    assert.equal(new URL(page.url()).pathname, base)
    await assertRows(page, 'payment-row-', all)
    await page.assertNotExists(clear)
    await page.assertInputValue('#filter-funnel', '')
  })

  test('payments: "Próxima" keeps the applied filters, not a field changed without "Aplicar"', async ({
    visit,
    browserContext,
    assert,
  }) => {
    const { owner, workspace } = await createTenant()
    await PaymentFactory.merge({ workspaceId: workspace.id, status: 'paid' }).createMany(
      PAGE_SIZE + 2
    )
    const pending = await aPayment(workspace, { status: 'pending' })

    await browserContext.loginAs(owner)
    const page = await visit(`/w/${workspace.slug}/payments?status=paid`)
    await page.assertElementsCount('[data-test^="payment-row-"]', PAGE_SIZE)
    await page.assertExists(page.getByText('Página 1 de 2'))

    await page.locator('[data-test="filter-status"]').selectOption('pending')
    await page.locator('#filter-from').fill('2026-01-01')
    assert.equal(await nextPage(page), '?status=paid&page=2')
    await page.assertExists(page.getByText('Página 2 de 2'))
    await page.assertElementsCount('[data-test^="payment-row-"]', 2)
    await page.assertNotExists(`[data-test="payment-row-${pending.id}"]`)
    await page.assertInputValue('#filter-status', 'paid')
    await page.assertInputValue('#filter-from', '')
    assert.equal(
      await page.getByRole('link', { name: 'Anterior' }).getAttribute('href'),
      `/w/${workspace.slug}/payments?status=paid`
    )
  })

  test('visitors: the step follows the funnel; "Aplicar" filters by funnel, step and period; "Limpar" keeps "Todos"', async ({
    visit,
    browserContext,
    assert,
  }) => {
    const { owner, workspace } = await createTenant()
    const launch = await FunnelFactory.merge({ workspaceId: workspace.id, name: 'Lança' }).create()
    const other = await FunnelFactory.merge({ workspaceId: workspace.id, name: 'Outro' }).create()
    const step = (name: string, orderIndex: number) =>
      FunnelStepFactory.merge({
        workspaceId: workspace.id,
        funnelId: launch.id,
        name,
        orderIndex,
      }).create()
    const capture = await step('Captura', 0)
    const thanks = await step('Obrigado', 1)
    const visitor = async (merge: Record<string, unknown>) => {
      const made = await VisitorFactory.merge({
        workspaceId: workspace.id,
        funnelId: launch.id,
        currentStepId: capture.id,
        ...merge,
      }).create()
      /** Rows are keyed by `public_id`, a database default. */
      await made.refresh()
      return made.publicId
    }
    const match = await visitor({})
    const onThanks = await visitor({ currentStepId: thanks.id })
    const elsewhere = await visitor({ funnelId: other.id, currentStepId: null })
    const december = DateTime.fromISO('2025-12-20T12:00:00Z')
    const lastYear = await visitor({
      isOnline: false,
      firstVisit: december,
      lastActivity: december,
    })
    const base = `/w/${workspace.slug}/visitors`
    const clear = '[data-test="visitor-filters"] a'

    await browserContext.loginAs(owner)
    const page = await visit(`${base}?status=all`)
    await assertRows(page, 'visitor-row-', [match, onThanks, elsewhere, lastYear])
    await page.assertNotExists(clear)
    await page.assertDisabled('[data-test="filter-step"]')

    await page.locator('[data-test="filter-funnel"]').selectOption(String(launch.id))
    await page.assertNotDisabled('[data-test="filter-step"]')
    await page.locator('[data-test="filter-step"]').selectOption(String(capture.id))
    await page.locator('#filter-from').fill('2026-01-01')
    /** Another funnel drops the step (Outro has no steps, so the select turns off). */
    await page.locator('[data-test="filter-funnel"]').selectOption(String(other.id))
    await page.assertInputValue('#filter-step', '')
    await page.assertDisabled('[data-test="filter-step"]')
    await page.locator('[data-test="filter-funnel"]').selectOption(String(launch.id))
    await page.locator('[data-test="filter-step"]').selectOption(String(capture.id))
    assert.equal(
      await visitBy(page, '[data-test="filter-apply"]'),
      `?status=all&funnelId=${launch.id}&stepId=${capture.id}&from=2026-01-01`
    )
    await assertRows(page, 'visitor-row-', [match])
    assert.equal(await page.locator(clear).getAttribute('href'), `${base}?status=all`)

    assert.equal(await visitBy(page, clear), '?status=all')
    await assertRows(page, 'visitor-row-', [match, onThanks, elsewhere, lastYear])
    await page.assertNotExists(clear)
  })

  test('visitors: "Próxima" and the online / all toggle keep the applied filters, not the draft', async ({
    visit,
    browserContext,
    assert,
  }) => {
    const { owner, workspace } = await createTenant()
    const launch = await FunnelFactory.merge({ workspaceId: workspace.id, name: 'Lança' }).create()
    const other = await FunnelFactory.merge({ workspaceId: workspace.id, name: 'Outro' }).create()
    await VisitorFactory.merge({ workspaceId: workspace.id, funnelId: launch.id }).createMany(
      PAGE_SIZE + 1
    )
    await VisitorFactory.merge({
      workspaceId: workspace.id,
      funnelId: launch.id,
      isOnline: false,
      lastActivity: DateTime.now().minus({ hours: 1 }),
    }).create()
    const elsewhere = await VisitorFactory.merge({
      workspaceId: workspace.id,
      funnelId: other.id,
    }).create()
    await elsewhere.refresh()
    const rows = '[data-test^="visitor-row-"]'

    await browserContext.loginAs(owner)
    const page = await visit(`/w/${workspace.slug}/visitors?funnelId=${launch.id}`)
    await page.assertElementsCount(rows, PAGE_SIZE)
    await page.assertExists(page.getByText('Página 1 de 2'))

    await page.locator('[data-test="filter-funnel"]').selectOption(String(other.id))
    await page.locator('#filter-to').fill('2026-01-01')
    assert.equal(await nextPage(page), `?funnelId=${launch.id}&page=2`)
    await page.assertExists(page.getByText('Página 2 de 2'))
    await page.assertElementsCount(rows, 1)
    await page.assertNotExists(`[data-test="visitor-row-${elsewhere.publicId}"]`)
    await page.assertInputValue('#filter-funnel', String(launch.id))

    await page.locator('[data-test="filter-funnel"]').selectOption(String(other.id))
    assert.equal(
      await visitBy(page, '[data-test="status-all"]'),
      `?status=all&funnelId=${launch.id}`
    )
    await page.assertExists(page.getByText('Página 1 de 2'))
    await page.assertElementsCount(rows, PAGE_SIZE)
    await page.assertNotExists(`[data-test="visitor-row-${elsewhere.publicId}"]`)
  })

  test('deliveries: "Aplicar" sends every filter and lists only matching rows; the payment chip drops only the payment', async ({
    visit,
    browserContext,
    assert,
  }) => {
    const { owner, workspace } = await createTenant()
    const { paymentA, crm, ids } = await deliveryLog(workspace)
    const base = `/w/${workspace.slug}/deliveries`
    const clear = '[data-test="delivery-filters"] a:has-text("Limpar")'

    await browserContext.loginAs(owner)
    const page = await visit(base)
    await assertRows(page, 'delivery-row-', ids)
    await page.assertNotExists(clear)

    await page.locator('[data-test="filter-status"]').selectOption('dead')
    await page.locator('[data-test="filter-target"]').selectOption(`endpoint:${crm.id}`)
    await page.locator('[data-test="filter-event"]').selectOption('payment.paid')
    await page.locator('#filter-from').fill('2026-01-10')
    await page.locator('#filter-to').fill('2026-01-12')
    assert.equal(
      await visitBy(page, '[data-test="filter-apply"]'),
      `?status=dead&target=custom&webhookEndpointId=${crm.id}&event=payment.paid&from=2026-01-10&to=2026-01-12`
    )
    /** Row 3 is dead too, but goes to TikTok; row 5 goes to the other endpoint. */
    await assertRows(page, 'delivery-row-', [ids[3]])
    await page.assertInputValue('#filter-target', `endpoint:${crm.id}`)

    assert.equal(await visitBy(page, clear), '')
    await assertRows(page, 'delivery-row-', ids)

    /** The payment filter comes from a payment's page; an unknown event stays selectable. */
    const withPayment = await visit(`${base}?paymentId=${paymentA.id}&target=utmify`)
    await assertRows(withPayment, 'delivery-row-', [ids[0]])
    assert.equal(await visitBy(withPayment, '[data-test="filter-payment"]'), '?target=utmify')
    await assertRows(withPayment, 'delivery-row-', [ids[0], ids[6]])
    await withPayment.assertNotExists('[data-test="filter-payment"]')

    const unknown = await visit(`${base}?event=Nope`)
    await unknown.assertInputValue('#filter-event', 'Nope')
    await unknown.assertTextContains('main', 'Nenhuma entrega com esses filtros.')
  })

  test('deliveries: "Próxima" keeps the applied filters, not the draft', async ({
    visit,
    browserContext,
    assert,
  }) => {
    const { owner, workspace } = await createTenant()
    await PostbackDeliveryFactory.merge({ workspaceId: workspace.id, status: 'dead' }).createMany(
      PAGE_SIZE + 2
    )
    const succeeded = await PostbackDeliveryFactory.merge({
      workspaceId: workspace.id,
      status: 'succeeded',
    }).create()

    await browserContext.loginAs(owner)
    const page = await visit(`/w/${workspace.slug}/deliveries?status=dead`)
    await page.assertElementsCount('[data-test^="delivery-row-"]', PAGE_SIZE)

    await page.locator('[data-test="filter-status"]').selectOption('succeeded')
    await page.locator('[data-test="filter-target"]').selectOption('meta')
    assert.equal(await nextPage(page), '?status=dead&page=2')
    await page.assertExists(page.getByText('Página 2 de 2'))
    await page.assertElementsCount('[data-test^="delivery-row-"]', 2)
    await page.assertNotExists(`[data-test="delivery-row-${succeeded.id}"]`)
    await page.assertInputValue('#filter-status', 'dead')
  })
})
