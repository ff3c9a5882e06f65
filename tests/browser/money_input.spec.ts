import { test } from '@japa/runner'
import { freshDatabase } from '#tests/helpers/database'
import { createTenant } from '#tests/helpers/tenants'
import { serverUrl } from '#tests/helpers/server'
import CheckoutConfig from '#models/checkout_config'
import FunnelStep from '#models/funnel_step'
import { checkoutFunnel } from '#tests/functional/checkout/helpers'
import { funnelWithSteps } from '../functional/funnels/helpers.js'

test.group('One money input for every admin price (Chromium)', (group) => {
  freshDatabase(group)

  test('typing 67 is R$ 67,00 in the checkout price, a bump price and an upsell price', async ({
    visit,
    browserContext,
    assert,
  }) => {
    const { owner, workspace } = await createTenant()
    const { funnel, checkout } = await checkoutFunnel(workspace, { withConfig: true })
    await browserContext.loginAs(owner)

    const page = await visit(
      `${serverUrl()}/w/${workspace.slug}/funnels/${funnel.id}/checkout/${checkout.id}`
    )
    await page.assertInputValue('[data-test="checkout-price"]', '197,00')
    await page.locator('[data-test="checkout-price"]').fill('67')
    await page.locator('[data-test="checkout-price"]').press('Tab')
    await page.assertInputValue('[data-test="checkout-price"]', '67,00')

    await page.locator('[data-test="bump-add"]').click()
    await page.locator('[data-test="bump-name-0"]').fill('Apostila impressa')
    await page.locator('[data-test="bump-price-0"]').fill('67')
    await page.locator('[data-test="bump-price-0"]').press('Tab')
    await page.assertInputValue('[data-test="bump-price-0"]', '67,00')
    await page.locator('[data-test="bump-add"]').click()
    await page.locator('[data-test="bump-name-1"]').fill('Planilha')
    await page.locator('[data-test="bump-price-1"]').fill('1.234,5')
    await page.locator('[data-test="bump-price-1"]').press('Tab')
    await page.assertInputValue('[data-test="bump-price-1"]', '1.234,50')
    await page.locator('[data-test="checkout-save"]').click()
    await page.assertTextContains('[data-test="checkout-dirty"]', 'Tudo salvo')

    const saved = await CheckoutConfig.query().where('step_id', checkout.id).firstOrFail()
    assert.equal(saved.productPriceCents, 6700)
    assert.deepEqual(
      saved.orderBumps.map((bump) => Number(bump.priceCents)),
      [6700, 123450]
    )

    const { funnel: other, steps } = await funnelWithSteps(workspace)
    const upsell = steps[3]
    await page.goto(`${serverUrl()}/w/${workspace.slug}/funnels/${other.id}`)
    await page.locator('[data-test="step-select-etapa-4"]').click()
    await page.assertTextContains('[data-test="editor-title"]', 'Etapa 4')
    await page.assertInputValue('[data-test="content-offer-price"]', '97,00')
    await page.locator('[data-test="content-offer-price"]').fill('67')
    await page.locator('[data-test="editor-submit"]').click()
    /** The save gave the step its block page: the offer's price is in its block's panel. */
    await page.locator('[data-test="page-editor"]').waitFor({ timeout: 30_000 })
    await page.locator('[data-test="block-upsell_offer"] [data-test="block-select"]').click()
    await page.assertInputValue('[data-test="content-offer-price"]', '67,00')
    await upsell.refresh()
    assert.equal((upsell.content.offer as { priceCents: number }).priceCents, 6700)
  })

  test('67 → 6700 asks first: cancel keeps R$ 67,00, confirm saves R$ 6.700,00', async ({
    visit,
    browserContext,
    assert,
  }) => {
    const { owner, workspace } = await createTenant()
    const { funnel, checkout } = await checkoutFunnel(workspace, { withConfig: true })
    await CheckoutConfig.query().where('step_id', checkout.id).update({ product_price_cents: 6700 })
    await browserContext.loginAs(owner)
    const page = await visit(
      `${serverUrl()}/w/${workspace.slug}/funnels/${funnel.id}/checkout/${checkout.id}`
    )
    const price = page.locator('[data-test="checkout-price"]')
    await page.assertInputValue('[data-test="checkout-price"]', '67,00')

    /** Clicking Save right after typing: the dialog comes first, nothing is sent. */
    await price.fill('6700')
    await page.locator('[data-test="checkout-save"]').click()
    await page.assertVisible('[data-test="money-confirm"]')
    await page.assertTextContains('[data-test="money-confirm"]', 'R$ 6.700,00')
    await page.locator('[data-test="money-confirm-cancel"]').click()
    await page.assertNotExists('[data-test="money-confirm"]')
    await page.assertInputValue('[data-test="checkout-price"]', '67,00')
    /** Wait for the save's own answer, not for a guessed time. */
    await Promise.all([
      page.waitForResponse((response) => response.request().method() === 'PUT'),
      page.locator('[data-test="checkout-save"]').click(),
    ])
    let saved = await CheckoutConfig.query().where('step_id', checkout.id).firstOrFail()
    assert.equal(saved.productPriceCents, 6700)

    /** Enter asks too; 10× down (6,70) as well; confirming keeps the new price. */
    await price.fill('6,70')
    await price.press('Enter')
    await page.assertTextContains('[data-test="money-confirm"]', '10 vezes ou mais abaixo')
    await page.locator('[data-test="money-confirm-cancel"]').click()
    await page.assertInputValue('[data-test="checkout-price"]', '67,00')

    await price.fill('6700')
    await price.press('Tab')
    await page.locator('[data-test="money-confirm-ok"]').click()
    await page.assertInputValue('[data-test="checkout-price"]', '6.700,00')
    await page.locator('[data-test="checkout-save"]').click()
    await page.assertTextContains('[data-test="checkout-dirty"]', 'Tudo salvo')
    saved = await CheckoutConfig.query().where('step_id', checkout.id).firstOrFail()
    assert.equal(saved.productPriceCents, 670000)

    /** Over R$ 10.000,00 asks even for a first price (a new bump). */
    await page.locator('[data-test="bump-add"]').click()
    await page.locator('[data-test="bump-price-0"]').fill('12000')
    await page.locator('[data-test="bump-price-0"]').press('Tab')
    await page.assertTextContains('[data-test="money-confirm"]', 'mais de R$ 10.000,00')
    await page.locator('[data-test="money-confirm-cancel"]').click()
    await page.assertInputValue('[data-test="bump-price-0"]', '0,00')
  })

  test('the upsell price asks the same way', async ({ visit, browserContext, assert }) => {
    const { owner, workspace } = await createTenant()
    const { funnel, steps } = await funnelWithSteps(workspace)
    const upsell = steps[3]
    await browserContext.loginAs(owner)
    const page = await visit(`${serverUrl()}/w/${workspace.slug}/funnels/${funnel.id}`)
    await page.locator('[data-test="step-select-etapa-4"]').click()
    await page.assertTextContains('[data-test="editor-title"]', 'Etapa 4')
    await page.locator('[data-test="content-offer-price"]').fill('9700')
    await page.locator('[data-test="editor-submit"]').click()
    await page.assertVisible('[data-test="money-confirm"]')
    await page.locator('[data-test="money-confirm-cancel"]').click()
    await page.assertInputValue('[data-test="content-offer-price"]', '97,00')
    const fresh = await FunnelStep.findOrFail(upsell.id)
    assert.equal(fresh.version, 1)
  })
})
