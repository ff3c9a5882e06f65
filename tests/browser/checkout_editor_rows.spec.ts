import { test } from '@japa/runner'
import { freshDatabase } from '#tests/helpers/database'
import { createTenant } from '#tests/helpers/tenants'
import { serverUrl } from '#tests/helpers/server'
import CheckoutConfig from '#models/checkout_config'
import { checkoutFunnel } from '#tests/functional/checkout/helpers'

test.group('Checkout editor rows in Chromium', (group) => {
  freshDatabase(group)

  test('adding a bump or testimonial shows no error before typing and the preview stays live', async ({
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
    const preview = page.frameLocator('[data-test="checkout-preview"]')
    await preview.locator('#product-name', { hasText: 'Curso de Confeitaria' }).waitFor()

    await page.locator('[data-test="bump-add"]').click()
    await page.locator('[data-test="testimonial-add"]').click()
    await page.assertNotExists('#bump-0-name-error')
    await page.assertNotExists('#testimonial-0-name-error')
    assert.equal(await page.locator('[aria-invalid="true"]').count(), 0)
    await page.assertNotExists('text=Corrija os campos destacados')

    // The preview keeps following the form with the blank rows present; once it has answered
    // (a condition, not a sleep), still no error: the blank rows never made it 422.
    await page.locator('[data-test="checkout-product-name"]').fill('Mentoria Premium')
    await preview.locator('#product-name', { hasText: 'Mentoria Premium' }).waitFor()
    await page.assertNotExists('#bump-0-name-error')
    await page.assertNotExists('#testimonial-0-name-error')
    await page.assertNotExists('text=Corrija os campos destacados')

    // Leaving a required field empty flags that field only.
    await page.locator('[data-test="bump-name-0"]').focus()
    await page.locator('[data-test="checkout-product-name"]').focus()
    await page.assertTextContains('#bump-0-name-error', 'Preencha este campo')
    await page.assertNotExists('#testimonial-0-name-error')

    // Typing the bump in shows it in the preview; the blank testimonial still does not block it.
    await page.locator('[data-test="bump-name-0"]').fill('Apostila impressa')
    await page.locator('[data-test="bump-price-0"]').fill('29,90')
    await page.assertNotExists('#bump-0-name-error')
    await preview.locator('.bump-name', { hasText: 'Apostila impressa' }).waitFor()

    // A save with the blank testimonial is refused and now every missing field is flagged.
    await page.locator('[data-test="checkout-save"]').click()
    await page.locator('#testimonial-0-name-error').waitFor()
    await page.locator('#testimonial-0-text-error').waitFor()
    const saved = await CheckoutConfig.query().where('step_id', checkout.id).firstOrFail()
    assert.notEqual(saved.productName, 'Mentoria Premium')

    await page.locator('[data-test="testimonial-remove-0"]').click()
    await page.locator('[data-test="checkout-save"]').click()
    await page.assertTextContains('[data-test="checkout-dirty"]', 'Tudo salvo')
    await saved.refresh()
    assert.equal(saved.productName, 'Mentoria Premium')
    assert.lengthOf(saved.orderBumps, 1)
  })
})
