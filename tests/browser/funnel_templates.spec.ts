import { test } from '@japa/runner'
import { freshDatabase } from '#tests/helpers/database'
import { createTenant } from '#tests/helpers/tenants'
import { serverUrl } from '#tests/helpers/server'
import { WorkspaceFactory } from '#database/factories/workspace_factory'
import Funnel from '#models/funnel'
import FunnelStep from '#models/funnel_step'
import FunnelTemplate from '#models/funnel_template'

test.group('Browser: funnel templates', (group) => {
  freshDatabase(group)

  test('a capture-page funnel from the "Isca digital" template, saved as a template and reused in a sibling workspace', async ({
    visit,
    browserContext,
    assert,
  }) => {
    const { owner, agency, workspace } = await createTenant({ workspaceSlug: 'loja-bia' })
    const sibling = await WorkspaceFactory.merge({ agencyId: agency.id, slug: 'loja-ana' }).create()
    await browserContext.loginAs(owner)
    const page = await visit(`${serverUrl()}/w/${workspace.slug}/funnels`)
    await page.assertTextContains('[data-test="page-title"]', 'Funis')

    await page.locator('[data-test="new-funnel"]').click()
    const card = page.locator('[data-test="template-card-isca-digital"]')
    await card.waitFor({ timeout: 30_000 })
    await page.assertTextContains('[data-test="template-card-isca-digital"]', 'Isca digital')
    assert.equal(await card.locator('[data-test="template-steps"] li').count(), 2)
    await card.click()

    await page.assertInputValue('[data-test="funnel-name"]', 'Isca digital')
    await page.locator('[data-test="funnel-name"]').fill('E-book de receitas')
    await page.assertInputValue('[data-test="funnel-slug"]', 'e-book-de-receitas')
    await page.locator('[data-test="funnel-submit"]').click()
    await page.waitForURL(/\/w\/loja-bia\/funnels\/\d+/, { timeout: 30_000 })
    await page.assertTextContains('[data-test="page-title"]', 'E-book de receitas')

    /** The builder lists the template's steps, in order. */
    await page.locator('[data-test="step-item-guia-gratuito"]').waitFor()
    await page.locator('[data-test="step-item-obrigado"]').waitFor()
    const funnel = await Funnel.findByOrFail('slug', 'e-book-de-receitas')
    assert.equal(funnel.workspaceId, workspace.id)
    assert.isNull(funnel.publishedPublicationId)
    const steps = await FunnelStep.query().where('funnel_id', funnel.id).orderBy('order_index')
    assert.deepEqual(
      steps.map((step) => step.stepType),
      ['capture', 'thankyou']
    )
    assert.equal(steps[0].content.nextStepId, steps[1].id)

    /** "Salvar como modelo", then the sibling workspace's gallery offers it. */
    await page.locator('[data-test="save-as-template"]').click()
    await page.locator('[data-test="template-name"]').fill('Isca da agência')
    await page.locator('[data-test="template-submit"]').click()
    await page.locator('[data-test="template-name"]').waitFor({ state: 'detached' })
    const template = await FunnelTemplate.findByOrFail('name', 'Isca da agência')
    assert.equal(template.agencyId, agency.id)

    await page.goto(`${serverUrl()}/w/${sibling.slug}/funnels`)
    await page.locator('[data-test="new-funnel"]').click()
    await page.locator(`[data-test="template-card-${template.id}"]`).click()
    await page.locator('[data-test="funnel-submit"]').click()
    await page.waitForURL(/\/w\/loja-ana\/funnels\/\d+/, { timeout: 30_000 })
    await page.locator('[data-test="step-item-guia-gratuito"]').waitFor()
    const copy = await Funnel.query().where('workspace_id', sibling.id).firstOrFail()
    assert.equal(copy.name, 'Isca da agência')
  })
})
