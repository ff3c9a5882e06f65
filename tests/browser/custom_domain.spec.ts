import { test } from '@japa/runner'
import app from '@adonisjs/core/services/app'
import { freshDatabase } from '#tests/helpers/database'
import { createTenant } from '#tests/helpers/tenants'
import DomainResolver from '#services/domain_resolver'

/** The settings page's custom domain: pending with its record, "Verificar agora", verified. */
test.group('Custom domain verification in Chromium', (group) => {
  freshDatabase(group)

  test('the owner sees the TXT record to create, verifies it and sees it verified', async ({
    visit,
    browserContext,
    assert,
  }) => {
    const records = new Map<string, string[][]>()
    app.container.swap(
      DomainResolver,
      () =>
        ({
          resolveTxt: async (name: string) => {
            const found = records.get(name)
            if (!found) throw Object.assign(new Error('ENOTFOUND'), { code: 'ENOTFOUND' })
            return found
          },
        }) as unknown as DomainResolver
    )

    try {
      const { owner, workspace } = await createTenant({ workspaceSlug: 'acme' })
      await browserContext.loginAs(owner)
      const page = await visit(`/w/${workspace.slug}/settings`)
      await page.locator('[data-test="settings-custom-domain"]').fill('ofertas.acme.com.br')
      await page.locator('[data-test="settings-submit"]').click()

      await page.assertTextContains('[data-test="custom-domain-status"]', 'Pendente')
      await page.assertTextContains(
        '[data-test="custom-domain-record"]',
        '_funil-verify.ofertas.acme.com.br'
      )
      await workspace.refresh()
      const value = `funil-verify=${workspace.customDomainToken}`
      await page.assertTextContains('[data-test="custom-domain-record"]', value)
      if (process.env.SCREENSHOT_DIR) {
        await page.screenshot({
          path: `${process.env.SCREENSHOT_DIR}/domain-pending.png`,
          fullPage: true,
        })
      }

      await page.locator('[data-test="custom-domain-verify"]').click()
      await page.assertTextContains('body', 'Registro TXT não encontrado')
      await page.assertTextContains('[data-test="custom-domain-status"]', 'Pendente')

      records.set('_funil-verify.ofertas.acme.com.br', [[value]])
      await page.locator('[data-test="custom-domain-verify"]').click()
      await page.assertTextContains('[data-test="custom-domain-status"]', 'Verificado')
      await page.assertNotExists('[data-test="custom-domain-verify"]')
      if (process.env.SCREENSHOT_DIR) {
        await page.screenshot({
          path: `${process.env.SCREENSHOT_DIR}/domain-verified.png`,
          fullPage: true,
        })
      }
      await workspace.refresh()
      assert.isNotNull(workspace.customDomainVerifiedAt)
    } finally {
      app.container.restore(DomainResolver)
    }
  })
})
