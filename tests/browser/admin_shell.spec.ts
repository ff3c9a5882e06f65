import { test } from '@japa/runner'
import { freshDatabase } from '#tests/helpers/database'
import { createTenant } from '#tests/helpers/tenants'
import { serverUrl } from '#tests/helpers/server'
import { FACTORY_PASSWORD } from '#database/factories/user_factory'
import { WorkspaceFactory } from '#database/factories/workspace_factory'

test.group('Admin shell in Chromium', (group) => {
  freshDatabase(group)

  test('log in, see the shell, switch workspace, log out', async ({ visit }) => {
    const { owner, agency, workspace } = await createTenant({ workspaceSlug: 'loja-ana' })
    await workspace.merge({ name: 'Loja da Ana' }).save()
    await WorkspaceFactory.merge({
      agencyId: agency.id,
      slug: 'clinica-bia',
      name: 'Clínica da Bia',
    }).create()

    const page = await visit(`${serverUrl()}/login`)
    await page.setViewportSize({ width: 1280, height: 800 })
    await page.assertTextContains('[data-test="page-title"]', 'Entrar')

    await page.locator('[data-test="login-email"]').fill(owner.email)
    await page.locator('[data-test="login-password"]').fill('senha-errada')
    await page.locator('[data-test="login-submit"]').click()
    await page.assertTextContains('[data-test="login-error"]', 'E-mail ou senha incorretos')

    await page.locator('[data-test="login-password"]').fill(FACTORY_PASSWORD)
    await page.locator('[data-test="login-submit"]').click()

    // Alphabetical first workspace: "Clínica da Bia".
    await page.waitForURL('**/w/clinica-bia/dashboard')
    await page.assertTextContains('[data-test="current-workspace-name"]', 'Clínica da Bia')
    for (const section of [
      'dashboard',
      'funnels',
      'visitors',
      'payments',
      'pixels',
      'credentials',
      'settings',
    ]) {
      await page.assertVisible(`[data-test="nav-${section}"]`)
    }
    await page.assertTextContains('[data-test="nav-funnels"]', 'Funis')

    await page.locator('[data-test="nav-visitors"]').click()
    await page.waitForURL('**/w/clinica-bia/visitors')
    await page.assertTextContains('[data-test="page-title"]', 'Visitantes')

    await page.locator('[data-test="workspace-switcher"]').click()
    await page.locator('[data-test="workspace-option-loja-ana"]').click()
    await page.waitForURL('**/w/loja-ana/dashboard')
    await page.assertTextContains('[data-test="current-workspace-name"]', 'Loja da Ana')

    await page.locator('[data-test="user-menu"]').click()
    await page.locator('[data-test="logout"]').click()
    await page.waitForURL('**/login')
  })

  test('the language switcher turns the shell into English', async ({
    visit,
    browserContext,
    assert,
  }) => {
    const { owner, workspace } = await createTenant()
    await browserContext.loginAs(owner)
    const page = await visit(`${serverUrl()}/w/${workspace.slug}/dashboard`)
    await page.assertTextContains('[data-test="nav-funnels"]', 'Funis')
    await page.locator('[data-test="user-menu"]').click()
    await page.locator('[data-test="locale-en"]').click()
    await page.assertTextContains('[data-test="nav-funnels"]', 'Funnels')
    await page.assertTextContains('[data-test="nav-settings"]', 'Settings')
    await owner.refresh()
    assert.equal(owner.locale, 'en', 'the choice is remembered on the account')
  })
})

test.group('Confirmation dialogs in Chromium', (group) => {
  freshDatabase(group)

  test('archiving a workspace asks first, then marks it archived', async ({
    visit,
    browserContext,
    assert,
  }) => {
    const { owner, workspace } = await createTenant({ workspaceSlug: 'cliente-x' })
    await browserContext.loginAs(owner)
    const page = await visit(`${serverUrl()}/workspaces`)
    await page.locator('[data-test="archive-cliente-x"]').click()
    await page.locator('[data-test="confirm-archive"]').click()
    await page.assertTextContains('[data-test="workspace-row-cliente-x"]', 'Arquivado')
    await workspace.refresh()
    assert.isNotNull(workspace.archivedAt)
  })
})
