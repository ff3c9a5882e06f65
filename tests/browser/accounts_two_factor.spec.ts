import { test } from '@japa/runner'
import * as OTPAuth from 'otpauth'
import { freshDatabase } from '#tests/helpers/database'
import { serverUrl } from '#tests/helpers/server'
import { createTenant } from '#tests/helpers/tenants'
import { FACTORY_PASSWORD } from '#database/factories/user_factory'

const codeFor = (secret: string) =>
  new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(secret) }).generate()

test.group('Accounts in Chromium: two-step verification', (group) => {
  freshDatabase(group)

  test('enrol from the profile (QR + first code, recovery codes shown), then log in with a code', async ({
    browser,
    browserContext,
    visit,
    assert,
  }) => {
    const { owner, workspace } = await createTenant({ workspaceSlug: 'loja-2fa' })
    await browserContext.loginAs(owner)
    const page = await visit(`${serverUrl()}/profile`)
    await page.assertTextContains('[data-test="two-factor-status"]', 'Desativada')
    await page.locator('[data-test="two-factor-enable"]').click()
    await page.waitForURL(/\/profile\/two-factor$/)
    await page.assertVisible('[data-test="two-factor-qr"]')
    const secret = (await page.locator('[data-test="two-factor-secret"]').innerText()).trim()
    await page.locator('[data-test="two-factor-setup-code"]').fill(codeFor(secret))
    await page.locator('[data-test="two-factor-setup-submit"]').click()
    await page.waitForURL(/\/profile$/)
    await page.assertTextContains('[data-test="two-factor-status"]', 'Ativada')
    assert.equal(await page.locator('[data-test="two-factor-recovery-codes"] li').count(), 8)

    const other = await browser.newContext({ locale: 'pt-BR' })
    try {
      const login = await other.newPage()
      await login.goto(`${serverUrl()}/login`)
      await login.locator('[data-test="login-email"]').fill(owner.email)
      await login.locator('[data-test="login-password"]').fill(FACTORY_PASSWORD)
      await login.locator('[data-test="login-submit"]').click()
      await login.waitForURL(/\/login\/two-factor$/)
      await login.locator('[data-test="two-factor-code"]').fill('000000')
      await login.locator('[data-test="two-factor-submit"]').click()
      await login.locator('[data-test="two-factor-code-error"]').waitFor()
      await login.locator('[data-test="two-factor-code"]').fill(codeFor(secret))
      await login.locator('[data-test="two-factor-submit"]').click()
      await login.waitForURL(new RegExp(`/w/${workspace.slug}/`))
    } finally {
      await other.close()
    }
  })
})
