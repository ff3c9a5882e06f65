import { test } from '@japa/runner'
import { freshDatabase } from '#tests/helpers/database'
import { serverUrl } from '#tests/helpers/server'
import { createTenant } from '#tests/helpers/tenants'
import { WorkspaceFactory } from '#database/factories/workspace_factory'
import { SmtpCatcher, linkIn, pathOf } from '#tests/helpers/smtp_catcher'

test.group('Accounts in Chromium: team', (group) => {
  freshDatabase(group)
  let catcher: SmtpCatcher
  group.setup(async () => {
    catcher = await new SmtpCatcher().start()
    return () => catcher.close()
  })

  test('invite a client to one workspace → the client accepts in another browser → sees only that workspace', async ({
    browser,
    browserContext,
    visit,
    assert,
  }) => {
    const { agency, owner, workspace } = await createTenant({ workspaceSlug: 'loja-cliente' })
    const other = await WorkspaceFactory.merge({ agencyId: agency.id, slug: 'outra-loja' }).create()

    await browserContext.loginAs(owner)
    const page = await visit(`${serverUrl()}/w/${workspace.slug}/dashboard`)
    await page.locator('[data-test="nav-team"]').click()
    await page.waitForURL(/\/team$/)
    await page.assertTextContains('[data-test="page-title"]', 'Equipe')
    await page.locator('[data-test="invite-email"]').fill('cliente@loja.test')
    await page.locator('[data-test="invite-scope-workspaces"]').check()
    await page.assertChecked(`[data-test="invite-workspace-${workspace.slug}"]`)
    await page.locator('[data-test="invite-role"]').selectOption('viewer')
    await page.locator('[data-test="invite-submit"]').click()
    await page.assertTextContains('[data-sonner-toast]', 'Convite enviado')
    await page.assertTextContains('[data-test="team-invitations"]', 'cliente@loja.test')

    const link = pathOf(linkIn(await catcher.waitFor('cliente@loja.test'), '/invitations/'))
    const clientContext = await browser.newContext({ locale: 'pt-BR' })
    try {
      const clientPage = await clientContext.newPage()
      await clientPage.goto(`${serverUrl()}${link}`)
      await clientPage.locator('[data-test="invitation-text"]').waitFor()
      assert.include(
        await clientPage.locator('[data-test="invitation-text"]').innerText(),
        workspace.name
      )
      await clientPage.locator('[data-test="invitation-name"]').fill('Cliente da Loja')
      await clientPage.locator('[data-test="invitation-password"]').fill('senha-do-cliente-1')
      await clientPage.locator('[data-test="invitation-accept"]').click()
      await clientPage.waitForURL(/\/w\/loja-cliente\/dashboard/)

      await clientPage.locator('[data-test="workspace-switcher"]').click()
      await clientPage.locator(`[data-test="workspace-option-${workspace.slug}"]`).waitFor()
      assert.equal(
        await clientPage.locator(`[data-test="workspace-option-${other.slug}"]`).count(),
        0
      )
      await clientPage.keyboard.press('Escape')

      const forbidden = await clientPage.goto(`${serverUrl()}/w/${other.slug}/dashboard`)
      assert.equal(forbidden?.status(), 404)
    } finally {
      await clientContext.close()
    }

    await page.reload()
    await page.assertTextContains('[data-test="team-members"]', 'cliente@loja.test')
  })
})
