import { test } from '@japa/runner'
import { freshDatabase } from '#tests/helpers/database'
import { createTenant } from '#tests/helpers/tenants'
import { FunnelFactory } from '#database/factories/funnel_factory'
import Funnel from '#models/funnel'
import Workspace from '#models/workspace'

/** The create/edit dialogs that share FormDialogFooter, submitted for real. */
test.group('Form dialogs in Chromium', (group) => {
  freshDatabase(group)

  test('a new workspace, a funnel renamed in its settings and a funnel cloned', async ({
    visit,
    browserContext,
    assert,
  }) => {
    const { owner, workspace, agency } = await createTenant()
    const funnel = await FunnelFactory.merge({
      workspaceId: workspace.id,
      name: 'Lançamento',
      slug: 'lancamento',
    }).create()
    await browserContext.loginAs(owner)

    const workspaces = await visit('/workspaces')
    await workspaces.locator('[data-test="new-workspace"]').click()
    await workspaces.locator('[data-test="workspace-name"]').fill('Loja da Bia')
    await workspaces.locator('[data-test="workspace-submit"]').click()
    await workspaces.waitForURL('**/w/loja-da-bia**')
    const created = await Workspace.query()
      .where('agency_id', agency.id)
      .where('slug', 'loja-da-bia')
      .firstOrFail()
    assert.equal(created.name, 'Loja da Bia')

    const builder = await visit(`/w/${workspace.slug}/funnels/${funnel.id}`)
    await builder.locator('[data-test="funnel-settings"]').click()
    await builder.locator('#funnel-settings-name').fill('Lançamento de dezembro')
    await builder.locator('[data-test="funnel-settings-submit"]').click()
    await builder.assertTextContains('[data-test="page-title"]', 'Lançamento de dezembro')
    await funnel.refresh()
    assert.equal(funnel.name, 'Lançamento de dezembro')

    const list = await visit(`/w/${workspace.slug}/funnels`)
    await list.locator(`[data-test="funnel-menu-${funnel.slug}"]`).click()
    await list.locator('[data-test="funnel-clone"]').click()
    await list.locator('[data-test="clone-name"]').fill('Lançamento (cópia)')
    await list.locator('[data-test="clone-submit"]').click()
    await list.waitForURL(/\/funnels\/\d+/)
    const copies = await Funnel.query().where('workspace_id', workspace.id).orderBy('id')
    assert.deepEqual(
      copies.map((copy) => copy.name),
      ['Lançamento de dezembro', 'Lançamento (cópia)']
    )
  })
})
