import { test } from '@japa/runner'
import { randomBytes } from 'node:crypto'
import { freshDatabase } from '#tests/helpers/database'
import { createTenant } from '#tests/helpers/tenants'
import { serverUrl } from '#tests/helpers/server'
import { StubServer } from '#tests/helpers/stub_server'
import { FunnelFactory } from '#database/factories/funnel_factory'
import { FunnelStepFactory } from '#database/factories/funnel_step_factory'
import TrackingPixel from '#models/tracking_pixel'
import Credential from '#models/credential'

test.group('Integrations admin in Chromium', (group) => {
  freshDatabase(group)

  test('create a pixel for a funnel step', async ({ visit, browserContext, assert }) => {
    const { owner, workspace } = await createTenant()
    const funnel = await FunnelFactory.merge({
      workspaceId: workspace.id,
      name: 'Black Friday',
    }).create()
    const step = await FunnelStepFactory.merge({
      workspaceId: workspace.id,
      funnelId: funnel.id,
      name: 'Checkout',
      orderIndex: 0,
    }).create()
    await browserContext.loginAs(owner)

    const page = await visit(`${serverUrl()}/w/${workspace.slug}/pixels`)
    await page.assertTextContains('[data-test="page-title"]', 'Pixels')
    await page.locator('[data-test="new-pixel"]').click()
    await page.locator('[data-test="pixel-type"]').selectOption('facebook')
    await page.locator('[data-test="pixel-funnel"]').selectOption(String(funnel.id))
    await page.locator('[data-test="pixel-step"]').selectOption(String(step.id))
    await page.locator('[data-test="pixel-id"]').fill('12345')
    await page.locator('[data-test="pixel-submit"]').click()
    await page.assertTextContains('[role="alert"]', 'O ID do pixel da Meta tem 15 ou 16 dígitos')

    await page.locator('[data-test="pixel-id"]').fill('123456789012345')
    await page.locator('[data-test="pixel-event"]').fill('Purchase')
    await page.locator('[data-test="pixel-submit"]').click()

    await page.waitForSelector('[data-test^="pixel-row-"]')
    const pixel = await TrackingPixel.findByOrFail('workspace_id', workspace.id)
    assert.equal(pixel.pixelId, '123456789012345')
    assert.equal(pixel.stepId, step.id)
    assert.equal(pixel.eventName, 'Purchase')
    const row = `[data-test="pixel-row-${pixel.id}"]`
    await page.assertTextContains(row, 'Meta')
    await page.assertTextContains(row, '123456789012345')
    await page.assertTextContains(row, 'Black Friday')
    await page.assertTextContains(row, 'Checkout')
  })

  test('create a credential, see it masked, test the connection against a stub', async ({
    visit,
    browserContext,
    assert,
  }) => {
    const stub = await StubServer.start()
    const apiKey = `sk_live_${randomBytes(16).toString('hex')}`
    stub.on('GET', '/v1/transactions/:id', (request) => {
      const user = Buffer.from(
        String(request.headers.authorization ?? '').replace(/^Basic /, ''),
        'base64'
      )
        .toString()
        .split(':')[0]
      return user === apiKey ? { status: 404, body: { message: 'not found' } } : { status: 401 }
    })

    try {
      const { owner, workspace } = await createTenant()
      await browserContext.loginAs(owner)
      const page = await visit(`${serverUrl()}/w/${workspace.slug}/credentials`)
      await page.assertTextContains('[data-test="page-title"]', 'Credenciais')

      await page.locator('[data-test="new-credential"]').click()
      await page.locator('[data-test="credential-service"]').selectOption('skalepay')
      await page.locator('[data-test="credential-name"]').fill('SkalePay produção')
      await page.locator('[data-test="credential-api-key"]').fill(apiKey)
      await page.locator('[data-test="credential-api-url"]').fill(`${stub.url}/v1`)
      await page.locator('[data-test="credential-submit"]').click()

      await page.waitForSelector('[data-test^="credential-row-"]')
      const credential = await Credential.findByOrFail('workspace_id', workspace.id)
      assert.equal(credential.apiKey, apiKey)
      const row = `[data-test="credential-row-${credential.id}"]`
      await page.assertTextContains(row, 'SkalePay produção')
      await page.assertTextContains(row, `sk_live_…${apiKey.slice(-4)}`)
      assert.notInclude(await page.content(), apiKey, 'the full key is not in the page')

      await page.locator(`[data-test="credential-test-${credential.id}"]`).click()
      await page.assertTextContains(
        `[data-test="credential-test-result-${credential.id}"]`,
        'Conectado'
      )
      assert.lengthOf(stub.requestsTo('GET', '/v1/transactions/0'), 1)

      /** A wrong key: the badge turns into "Chave inválida". */
      await credential.merge({ apiKey: `sk_live_${randomBytes(16).toString('hex')}` }).save()
      await page.locator(`[data-test="credential-test-${credential.id}"]`).click()
      await page.assertTextContains(
        `[data-test="credential-test-result-${credential.id}"]`,
        'Chave inválida'
      )
      assert.notInclude(await page.content(), apiKey)
    } finally {
      await stub.close()
    }
  })
})
