import { test } from '@japa/runner'
import { freshDatabase } from '#tests/helpers/database'
import { createTenant } from '#tests/helpers/tenants'
import { serverUrl } from '#tests/helpers/server'
import { StubServer } from '#tests/helpers/stub_server'
import WebhookEndpoint from '#models/webhook_endpoint'

test.group('Webhooks admin in Chromium', (group) => {
  freshDatabase(group)

  test('create an endpoint: the secret is shown once, the row appears, a test is toasted', async ({
    visit,
    browserContext,
    assert,
  }) => {
    const stub = await StubServer.start()
    stub.on('POST', '/hooks/erp', { status: 200, body: 'ok' })
    try {
      const { owner, workspace } = await createTenant()
      await browserContext.loginAs(owner)
      const page = await visit(`${serverUrl()}/w/${workspace.slug}/webhooks`)
      await page.assertTextContains('[data-test="page-title"]', 'Webhooks')
      await page.assertTextContains('[data-test="signature-help"]', 'x-funil-timestamp')

      await page.locator('[data-test="new-webhook"]').click()
      await page.locator('[data-test="webhook-name"]').fill('ERP da agência')
      await page.locator('[data-test="webhook-url"]').fill(`${stub.url}/hooks/erp`)
      /** payment.paid comes checked; with nothing checked the server says which field. */
      await page.locator('[data-test="webhook-event-payment.paid"]').uncheck()
      await page.locator('[data-test="webhook-submit"]').click()
      await page.assertTextContains('[role="alert"]', 'Escolha pelo menos um evento')

      await page.locator('[data-test="webhook-event-payment.paid"]').check()
      await page.locator('[data-test="webhook-event-lead.created"]').check()
      await page.locator('[data-test="webhook-submit"]').click()

      await page.waitForSelector('[data-test="new-secret-dialog"]')
      const endpoint = await WebhookEndpoint.findByOrFail('workspace_id', workspace.id)
      assert.deepEqual(endpoint.events, ['payment.paid', 'lead.created'])
      assert.equal(
        await page.locator('[data-test="new-secret-value"]').inputValue(),
        endpoint.secret
      )
      await page.locator('[data-test="new-secret-done"]').click()
      await page.assertNotExists('[data-test="new-secret-dialog"]')

      const row = `[data-test="webhook-row-${endpoint.id}"]`
      await page.assertTextContains(row, 'ERP da agência')
      await page.assertTextContains(row, `${stub.url}/hooks/erp`)
      await page.assertTextContains(row, 'lead.created')
      await page.assertTextContains(row, `whsec_…${endpoint.secret.slice(-4)}`)
      assert.notInclude(await page.content(), endpoint.secret, 'gone once the dialog is closed')

      /** Shown once: neither going back to the page nor a new visit shows it again. */
      await page.locator('[data-test="nav-credentials"]').click()
      await page.assertTextContains('[data-test="page-title"]', 'Credenciais')
      await page.goBack()
      await page.waitForSelector(row)
      await page.assertNotExists('[data-test="new-secret-dialog"]')
      await page.reload()
      await page.waitForSelector(row)
      await page.assertNotExists('[data-test="new-secret-dialog"]')
      assert.notInclude(await page.content(), endpoint.secret)

      await page.locator(`[data-test="webhook-test-${endpoint.id}"]`).click()
      await page.assertTextContains('[data-sonner-toast]', 'Teste entregue: HTTP 200')
      assert.lengthOf(stub.requestsTo('POST', '/hooks/erp'), 1)
    } finally {
      await stub.close()
    }
  })
})
