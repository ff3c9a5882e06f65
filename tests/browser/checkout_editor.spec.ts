import { test } from '@japa/runner'
import { freshDatabase } from '#tests/helpers/database'
import { createTenant, workspaceMember } from '#tests/helpers/tenants'
import { serverUrl } from '#tests/helpers/server'
import CheckoutConfig from '#models/checkout_config'
import FunnelStep from '#models/funnel_step'
import { checkoutFunnel } from '#tests/functional/checkout/helpers'

test.group('Checkout editor in Chromium', (group) => {
  freshDatabase(group)

  test('edit name, price and a bump, watch the live preview, save, reload', async ({
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
    await page.assertTextContains('[data-test="page-title"]', 'Checkout')
    const preview = page.frameLocator('[data-test="checkout-preview"]')
    /** The saved checkout shows first. */
    await preview.locator('#product-name', { hasText: 'Curso de Confeitaria' }).waitFor()
    await preview.locator('[data-product-price]', { hasText: 'R$ 197,00' }).waitFor()

    await page.locator('[data-test="checkout-product-name"]').fill('Mentoria Premium')
    await page.locator('[data-test="checkout-price"]').fill('1.497,00')
    await page.assertInputValue('[data-test="checkout-price"]', '1.497,00')
    await preview.locator('#product-name', { hasText: 'Mentoria Premium' }).waitFor()
    await preview.locator('[data-product-price]', { hasText: 'R$ 1.497,00' }).waitFor()

    /** An order bump, then its checkbox in the preview updates the total (inline script). */
    await page.locator('[data-test="bump-add"]').click()
    await page.locator('[data-test="bump-name-0"]').fill('Apostila impressa')
    await page.locator('[data-test="bump-price-0"]').fill('29,90')
    await preview.locator('.bump-name', { hasText: 'Apostila impressa' }).waitFor()
    await preview.locator('[data-total]', { hasText: 'R$ 1.497,00' }).waitFor()
    await preview.locator('input[data-bump-cents="2990"]').check()
    await preview.locator('[data-total]', { hasText: 'R$ 1.526,90' }).waitFor()

    /** A bad value is flagged under its field while typing; the preview keeps the last good page. */
    await page.locator('[data-test="checkout-product-name"]').fill('')
    await page.assertTextContains('#checkout-product-name-error', 'nome do produto')
    await page.locator('[data-test="checkout-product-name"]').fill('Mentoria Premium')
    await page.assertNotExists('#checkout-product-name-error')

    await page.locator('[data-test="checkout-save"]').click()
    await page.assertTextContains('[data-test="checkout-dirty"]', 'Tudo salvo')

    const saved = await CheckoutConfig.query().where('step_id', checkout.id).firstOrFail()
    assert.equal(saved.productName, 'Mentoria Premium')
    assert.equal(saved.productPriceCents, 149700)
    assert.deepEqual(saved.orderBumps, [
      { name: 'Apostila impressa', priceCents: 2990, description: null, imageUrl: null },
    ])
    const step = await FunnelStep.findOrFail(checkout.id)
    assert.equal(step.version, 2)

    await page.reload()
    await page.assertInputValue('[data-test="checkout-product-name"]', 'Mentoria Premium')
    await page.assertInputValue('[data-test="checkout-price"]', '1.497,00')
    await page.assertInputValue('[data-test="bump-name-0"]', 'Apostila impressa')
    await page.assertInputValue('[data-test="bump-price-0"]', '29,90')
    await preview.locator('#product-name', { hasText: 'Mentoria Premium' }).waitFor()
  })

  test('a viewer sees the checkout read-only', async ({ visit, browserContext }) => {
    const { workspace } = await createTenant()
    const viewer = await workspaceMember(workspace, 'viewer')
    const { funnel, checkout } = await checkoutFunnel(workspace, { withConfig: true })
    await browserContext.loginAs(viewer)

    const page = await visit(
      `${serverUrl()}/w/${workspace.slug}/funnels/${funnel.id}/checkout/${checkout.id}`
    )
    await page.assertInputValue('[data-test="checkout-product-name"]', 'Curso de Confeitaria')
    await page.assertDisabled('[data-test="checkout-product-name"]')
    await page.assertNotExists('[data-test="checkout-save"]')
    await page.assertNotExists('[data-test="bump-add"]')
    await page
      .frameLocator('[data-test="checkout-preview"]')
      .locator('[data-product-price]', { hasText: 'R$ 197,00' })
      .waitFor()
  })
})
