import { test } from '@japa/runner'
import { freshDatabase } from '#tests/helpers/database'
import { createTenant } from '#tests/helpers/tenants'
import { serverUrl } from '#tests/helpers/server'
import { FunnelFactory } from '#database/factories/funnel_factory'
import { FunnelStepFactory } from '#database/factories/funnel_step_factory'
import FunnelStep from '#models/funnel_step'

/**
 * Draft and publish in Chromium (issue 18 item 4): a new funnel is a "Rascunho" whose public
 * address is a 404; "Publicar" lists the changes, publishes, and the public page opens; an edit
 * afterwards is listed and reaches visitors only once published again.
 */
test.group('Builder: publish a funnel', (group) => {
  freshDatabase(group)

  test('publish from the builder, then open the public page', async ({
    visit,
    browserContext,
    assert,
  }) => {
    const { owner, workspace } = await createTenant({ workspaceSlug: 'loja-pub' })
    const funnel = await FunnelFactory.merge({
      workspaceId: workspace.id,
      slug: 'lancamento',
    }).create()
    const capture = await FunnelStepFactory.merge({
      workspaceId: workspace.id,
      funnelId: funnel.id,
      slug: 'inscricao',
      orderIndex: 0,
      content: {
        headline: 'Aula gratuita de sábado',
        fields: ['name', 'email'],
        buttonLabel: 'Quero',
      },
    }).create()
    const port = new URL(serverUrl()).port
    const publicUrl = `http://loja-pub.localhost:${port}/lancamento`

    await browserContext.loginAs(owner)
    const admin = await visit(`${serverUrl()}/w/${workspace.slug}/funnels/${funnel.id}`)
    await admin.assertTextContains('[data-test="funnel-status"]', 'Rascunho')
    const draft = await browserContext.newPage()
    const before = await draft.goto(publicUrl)
    assert.equal(before?.status(), 404)

    await admin.locator('[data-test="publish-funnel"]').click()
    await admin
      .locator('[data-test="publish-change"]')
      .filter({ hasText: 'Primeira publicação (1 etapas)' })
      .waitFor({ timeout: 15_000 })
    await admin.locator('[data-test="publish-confirm"]').click()
    await admin.locator('[data-test="funnel-status"]').filter({ hasText: 'Ativo' }).waitFor()

    const live = await draft.goto(publicUrl)
    assert.equal(live?.status(), 200)
    await draft.locator('h1').filter({ hasText: 'Aula gratuita de sábado' }).waitFor()

    /** An edit of the draft: listed in the dialog, public only after publishing again. */
    await FunnelStep.query()
      .where('id', capture.id)
      .update({ content: JSON.stringify({ ...capture.content, headline: 'Nova aula ao vivo' }) })
    await admin.locator('[data-test="publish-funnel"]').click()
    await admin
      .locator('[data-test="publish-change"]')
      .filter({ hasText: 'título alterado' })
      .waitFor({ timeout: 15_000 })
    await draft.goto(publicUrl)
    assert.include(await draft.content(), 'Aula gratuita de sábado')
    await admin.locator('[data-test="publish-confirm"]').click()
    await admin.locator('[data-test="publish-changes"]').waitFor({ state: 'detached' })
    await draft.goto(publicUrl)
    await draft.locator('h1').filter({ hasText: 'Nova aula ao vivo' }).waitFor()
  })
})
