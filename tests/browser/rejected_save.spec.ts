import { test } from '@japa/runner'
import { freshDatabase } from '#tests/helpers/database'
import { createTenant } from '#tests/helpers/tenants'
import { serverUrl } from '#tests/helpers/server'
import CheckoutConfig from '#models/checkout_config'
import { checkoutFunnel } from '#tests/functional/checkout/helpers'

/**
 * Issue 20 item 3: the session dies while the checkout editor holds an unsaved change. The save
 * must say it failed (never "Tudo salvo"), keep the typed value, and a retry after signing in
 * again (in another tab) saves it.
 */
test.group('Rejected save in Chromium', (group) => {
  freshDatabase(group)

  test('expired session: error with retry, value kept, then saved after signing in again', async ({
    visit,
    browserContext,
    assert,
  }) => {
    const { owner, workspace } = await createTenant()
    const { funnel, checkout } = await checkoutFunnel(workspace, { withConfig: true })
    await browserContext.loginAs(owner)
    const editorUrl = `${serverUrl()}/w/${workspace.slug}/funnels/${funnel.id}/checkout/${checkout.id}`
    const page = await visit(editorUrl)
    const field = page.locator('[data-test="checkout-product-name"]')
    await field.waitFor()
    await field.fill('Mentoria Expirada')
    await page.assertTextContains('[data-test="checkout-dirty"]', 'Alterações não salvas')

    // The session is gone (expired, or signed out elsewhere): the browser has no cookie left.
    await browserContext.clearCookies()
    await page.locator('[data-test="checkout-save"]').click()

    await page.locator('[data-test="save-failure"]').waitFor()
    await page.assertTextContains('[data-test="save-failure"]', 'Sua sessão expirou')
    await page.assertTextContains('[data-test="save-retry"]', 'Tentar novamente')
    assert.equal(await field.inputValue(), 'Mentoria Expirada')
    await page.assertNotExists('text=Tudo salvo')
    assert.equal(new URL(page.url()).pathname, new URL(editorUrl).pathname)
    const stored = await CheckoutConfig.query().where('step_id', checkout.id).firstOrFail()
    assert.notEqual(stored.productName, 'Mentoria Expirada')

    // Signed in again in another tab: that tab's page gives the shared cookie jar a fresh
    // session and XSRF token, and the retry in the first tab saves what was typed.
    await browserContext.loginAs(owner)
    const other = await browserContext.newPage()
    await other.goto(`${serverUrl()}/w/${workspace.slug}/dashboard`)
    await other.locator('main').first().waitFor()
    await page.locator('[data-test="save-retry"]').click()
    await page.assertTextContains('[data-test="checkout-dirty"]', 'Tudo salvo')
    await page.assertNotExists('[data-test="save-failure"]')
    await stored.refresh()
    assert.equal(stored.productName, 'Mentoria Expirada')
  })
})
