import { test } from '@japa/runner'
import { freshDatabase } from '#tests/helpers/database'
import { serverUrl } from '#tests/helpers/server'
import { createTenant } from '#tests/helpers/tenants'
import { SmtpCatcher, linkIn, pathOf } from '#tests/helpers/smtp_catcher'

test.group('Accounts in Chromium: password reset', (group) => {
  freshDatabase(group)
  let catcher: SmtpCatcher
  group.setup(async () => {
    catcher = await new SmtpCatcher().start()
    return () => catcher.close()
  })

  test('forgot password → e-mailed link → new password → log in with it', async ({
    visit,
    assert,
  }) => {
    const { owner, workspace } = await createTenant({ workspaceSlug: 'loja-reset' })
    const page = await visit(`${serverUrl()}/login`)
    await page.locator('[data-test="login-forgot"]').click()
    await page.waitForURL(/\/forgot-password$/)
    await page.locator('[data-test="forgot-email"]').fill(owner.email)
    await page.locator('[data-test="forgot-submit"]').click()
    await page.assertTextContains('[data-test="forgot-sent"]', 'Se houver uma conta')

    const mail = await catcher.waitFor(owner.email)
    const link = `${serverUrl()}${pathOf(linkIn(mail, '/reset-password/'))}`
    await page.goto(link)
    await page.assertTextContains('[data-test="page-title"]', 'Nova senha')

    /** A mismatched confirmation is a field error, the link still works afterwards. */
    await page.locator('[data-test="reset-password"]').fill('nova-senha-forte-1')
    await page.locator('[data-test="reset-password-confirmation"]').fill('outra-coisa-123')
    await page.locator('[data-test="reset-submit"]').click()
    await page.assertVisible('[data-test="reset-password-confirmation-error"]')

    await page.locator('[data-test="reset-password"]').fill('nova-senha-forte-1')
    await page.locator('[data-test="reset-password-confirmation"]').fill('nova-senha-forte-1')
    await page.locator('[data-test="reset-submit"]').click()
    await page.waitForURL(/\/login$/)
    await page.assertTextContains('[data-sonner-toast]', 'Senha alterada')

    await page.locator('[data-test="login-email"]').fill(owner.email)
    await page.locator('[data-test="login-password"]').fill('nova-senha-forte-1')
    await page.locator('[data-test="login-submit"]').click()
    await page.waitForURL(new RegExp(`/w/${workspace.slug}/`))

    /** The link was single use. */
    await page.goto(link)
    await page.assertTextContains('[data-test="page-title"]', 'Link inválido ou expirado')
    assert.lengthOf(catcher.to(owner.email), 1)
  })
})
