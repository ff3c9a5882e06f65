import { test } from '@japa/runner'
import { freshDatabase } from '#tests/helpers/database'
import { createTenant } from '#tests/helpers/tenants'
import { serverUrl } from '#tests/helpers/server'
import { FunnelFactory } from '#database/factories/funnel_factory'
import Workspace from '#models/workspace'

test.group('Onboarding and archiving in Chromium', (group) => {
  freshDatabase(group)

  test('archiving a funnel asks first, the list says all are archived, Desfazer restores it', async ({
    visit,
    browserContext,
    assert,
  }) => {
    const { owner, workspace } = await createTenant({ workspaceSlug: 'loja' })
    const funnel = await FunnelFactory.merge({
      workspaceId: workspace.id,
      name: 'Black Friday',
      slug: 'black-friday',
    }).create()
    await browserContext.loginAs(owner)
    const page = await visit(`${serverUrl()}/w/loja/funnels`)
    await page.locator('[data-test="funnel-menu-black-friday"]').click()
    await page.locator('[data-test="funnel-archive"]').click()
    // Asked first, with what it means; nothing happened yet.
    await page.assertTextContains('[role="dialog"]', 'deixa de responder')
    await funnel.refresh()
    assert.isNull(funnel.archivedAt)
    await page.locator('[data-test="confirm-archive"]').click()
    await page.assertTextContains('body', 'Todos os funis estão arquivados')
    await page.assertNotExists('text=Nenhum funil ainda')
    await funnel.refresh()
    assert.isNotNull(funnel.archivedAt)
    // The toast's undo brings it back.
    await page.getByRole('button', { name: 'Desfazer' }).click()
    await page.locator('[data-test="funnel-row-black-friday"]').waitFor()
    await funnel.refresh()
    assert.isNull(funnel.archivedAt)
  })

  test('time zone picker: Brazilian zones first, searchable; the new workspace dashboard shows the next step', async ({
    visit,
    browserContext,
    assert,
  }) => {
    const { owner } = await createTenant({ workspaceSlug: 'primeira' })
    await browserContext.loginAs(owner)
    const page = await visit(`${serverUrl()}/workspaces`)
    await page.locator('[data-test="new-workspace"]').click()
    const select = page.locator('select[data-test="workspace-timezone"]')
    const firstGroup = await select.locator('optgroup').first().getAttribute('label')
    assert.equal(firstGroup, 'Brasil')
    const firstOption = await select.locator('option').first().textContent()
    assert.match(firstOption ?? '', /^Brasília \/ São Paulo \(UTC−3\)/)
    await page.locator('[data-test="workspace-timezone-search"]').fill('manaus')
    assert.equal(await select.inputValue(), 'America/Manaus')
    assert.isAtMost(await select.locator('option').count(), 3)
    await page.locator('[data-test="workspace-name"]').fill('Clínica Norte')
    await page.locator('[data-test="workspace-slug"]').fill('clinica-norte')
    await page.locator('[data-test="workspace-submit"]').click()
    await page.waitForURL('**/w/clinica-norte/**')
    const created = await Workspace.findByOrFail('slug', 'clinica-norte')
    assert.equal(created.timezone, 'America/Manaus')

    await page.goto(`${serverUrl()}/w/clinica-norte/dashboard`)
    await page.assertTextContains('body', 'Crie seu primeiro funil')
    await page.locator('[data-test="dashboard-empty"] [data-test="new-funnel"]').click()
    await page.locator('[role="dialog"]').waitFor()
  })
})
