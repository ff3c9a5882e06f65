import { test } from '@japa/runner'
import { freshDatabase } from '#tests/helpers/database'
import { createTenant, workspaceMember } from '#tests/helpers/tenants'
import { serverUrl } from '#tests/helpers/server'
import { story } from '#tests/helpers/visitor_story'

test.group('Visitor page for people in Chromium', (group) => {
  freshDatabase(group)

  test("titled with the lead's name, labelled fields, PIX in the timeline, CPF masked for an editor", async ({
    visit,
    browserContext,
    assert,
  }) => {
    const { workspace } = await createTenant()
    const { visitor } = await story(workspace)
    const editor = await workspaceMember(workspace, 'editor')
    await browserContext.loginAs(editor)
    const page = await visit(`${serverUrl()}/w/${workspace.slug}/visitors/${visitor.publicId}`)
    await page.assertTextContains('[data-test="page-title"]', 'Maria Souza')
    assert.include(await page.title(), 'Maria Souza')
    const fields = await page.locator('[data-test="lead-field"] dt').allTextContents()
    assert.deepEqual(fields, ['Nome', 'E-mail', 'Telefone', 'CPF'])
    const body = await page.locator('body').textContent()
    assert.include(body, '(11) 98765-4321')
    assert.include(body, '***.982.247-**')
    assert.notInclude(body, '12398224705')
    await page.assertTextContains('[data-test="event-pix_generated"]', 'PIX gerado')
    await page.assertTextContains('[data-test="event-pix_paid"]', 'PIX pago')
    await page.assertTextContains('[data-test="event-postback"]', 'UTMify')
  })
})
