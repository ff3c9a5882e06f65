import { test } from '@japa/runner'
import { freshDatabase } from '#tests/helpers/database'
import { serverUrl } from '#tests/helpers/server'
import { createTenant } from '#tests/helpers/tenants'
import { FACTORY_PASSWORD } from '#database/factories/user_factory'

test.group('API tokens in Chromium', (group) => {
  freshDatabase(group)

  test('create a read-only token from the sidebar: shown once, listed, then revoked', async ({
    visit,
    assert,
  }) => {
    const { owner, workspace } = await createTenant({ workspaceSlug: 'loja-tokens' })
    const page = await visit(`${serverUrl()}/login`)
    await page.locator('[data-test="login-email"]').fill(owner.email)
    await page.locator('[data-test="login-password"]').fill(FACTORY_PASSWORD)
    await page.locator('[data-test="login-submit"]').click()
    await page.waitForURL(new RegExp(`/w/${workspace.slug}`))

    await page.locator('[data-test="nav-settings-api-tokens"]').click()
    await page.waitForURL(/\/settings\/api-tokens$/)
    await page.locator('[data-test="token-name"]').fill('ERP')
    await page.locator('[data-test="token-create"]').click()
    const value = await page.locator('[data-test="new-token"]').inputValue()
    assert.isAbove(value.length, 20)
    await page.assertTextContains('[data-test="token-list"]', 'ERP')

    /** Shown once: a reload lists the token but no longer shows its value. */
    await page.reload()
    await page.locator('[data-test="token-list"]').waitFor()
    assert.equal(await page.locator('[data-test="new-token"]').count(), 0)

    const response = await fetch(`${serverUrl()}/api/funnels`, {
      headers: { authorization: `Bearer ${value}`, accept: 'application/json' },
    })
    assert.equal(response.status, 200)

    await page.locator('[data-test^="token-revoke-"]').first().click()
    await page.locator('[data-test="token-list"]').waitFor({ state: 'detached' })
    const revoked = await fetch(`${serverUrl()}/api/funnels`, {
      headers: { authorization: `Bearer ${value}`, accept: 'application/json' },
    })
    assert.equal(revoked.status, 401)
  })
})
