import { test } from '@japa/runner'
import { freshDatabase } from '#tests/helpers/database'
import { createTenant } from '#tests/helpers/tenants'
import { serverUrl } from '#tests/helpers/server'
import { FunnelFactory } from '#database/factories/funnel_factory'
import { FunnelStepFactory } from '#database/factories/funnel_step_factory'
import { publish } from '#tests/helpers/publish'

/**
 * The builder's "link do funil" used to be `https://{ws}.localhost/{funnel}` (no port, https on a
 * server that speaks http) and opened nothing. It must open the funnel page in the browser.
 */
test.group('Builder public links in Chromium', (group) => {
  freshDatabase(group)

  test('the header link and the step link open the funnel pages', async ({
    visit,
    browserContext,
    assert,
  }) => {
    const { owner, workspace } = await createTenant({ workspaceSlug: 'loja-link' })
    const funnel = await FunnelFactory.merge({
      workspaceId: workspace.id,
      slug: 'black-friday',
      isActive: true,
    }).create()
    const base = { workspaceId: workspace.id, funnelId: funnel.id, isActive: true }
    await FunnelStepFactory.merge({
      ...base,
      slug: 'inscricao',
      orderIndex: 0,
      content: { headline: 'Aula gratuita de sábado', fields: ['name', 'email'] },
    }).create()
    await FunnelStepFactory.merge({
      ...base,
      slug: 'aula',
      stepType: 'vsl',
      orderIndex: 1,
      content: { videoUrl: 'https://example.com/aula.mp4' },
    }).create()
    await publish(funnel)

    await browserContext.loginAs(owner)
    const admin = await visit(`${serverUrl()}/w/${workspace.slug}/funnels/${funnel.id}`)
    const port = new URL(serverUrl()).port
    const header = admin.locator('[data-test="funnel-public-url"]')
    const expected = `http://loja-link.localhost:${port}/black-friday`
    assert.equal(await header.getAttribute('href'), expected)
    await admin.assertTextContains('[data-test="funnel-public-url"]', `loja-link.localhost:${port}`)

    /** target=_blank: the funnel opens in a new tab, which must show the first step. */
    const [opened] = await Promise.all([browserContext.waitForEvent('page'), header.click()])
    await opened.waitForLoadState('domcontentloaded')
    assert.equal(opened.url(), expected)
    await opened.locator('h1').filter({ hasText: 'Aula gratuita de sábado' }).waitFor()
    await opened.close()

    /** The selected step's own link, from the same function. */
    await admin.locator('[data-test="step-select-aula"]').click()
    const stepLink = admin.locator(`[data-test="step-public-url"][href="${expected}/aula"]`)
    await stepLink.waitFor()
    const [stepPage] = await Promise.all([browserContext.waitForEvent('page'), stepLink.click()])
    await stepPage.waitForLoadState('domcontentloaded')
    assert.equal(stepPage.url(), `${expected}/aula`)
    assert.include(await stepPage.content(), 'https://example.com/aula.mp4')
  })
})
