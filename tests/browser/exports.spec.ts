import { test } from '@japa/runner'
import { readFile } from 'node:fs/promises'
import { Worker } from 'bullmq'
import app from '@adonisjs/core/services/app'
import { exportLimits } from '#actions/exports/export_sources'
import { processJob } from '#workers/processors'
import { freshDatabase } from '#tests/helpers/database'
import { createTenant } from '#tests/helpers/tenants'
import { aPayment, emptyQueues } from '#tests/functional/payments/helpers'

const BOM = '\uFEFF'

test.group('CSV exports in Chromium', (group) => {
  freshDatabase(group)
  let worker: Worker | undefined
  group.each.setup(async () => {
    await emptyQueues()
    return async () => {
      exportLimits.syncMaxRows = 20_000
      await worker?.close()
      worker = undefined
    }
  })

  test('"Exportar CSV" on the payments list downloads the filtered list; a large one runs as a job with a progress bar', async ({
    visit,
    browserContext,
    assert,
  }) => {
    const { owner, workspace } = await createTenant()
    await aPayment(workspace, {
      status: 'paid',
      amountCents: 19790,
      customerData: { name: 'Ana; "Paga"', email: 'ana@exemplo.com' },
    })
    await aPayment(workspace, {
      status: 'paid',
      amountCents: 4700,
      customerData: { name: 'Bruno Pago', email: 'bruno@exemplo.com' },
    })
    await aPayment(workspace, {
      status: 'pending',
      amountCents: 990,
      customerData: { name: 'Carla Pendente', email: 'carla@exemplo.com' },
    })

    await browserContext.loginAs(owner)
    const page = await visit(`/w/${workspace.slug}/payments?status=paid`)
    await page.assertTextContains('[data-test="page-title"]', 'Pagamentos')
    await page.assertTextContains('[data-test="export-payments"]', 'Exportar CSV')

    /** Small: the file comes in the response and the page stays where it is. */
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('[data-test="export-payments"]').click(),
    ])
    assert.match(download.suggestedFilename(), /pagamentos.*\.csv$/)
    const text = await readFile((await download.path())!, 'utf8')
    assert.isTrue(text.startsWith(BOM))
    assert.include(text, '"Ana; ""Paga""";ana@exemplo.com')
    assert.include(text, ';197,90;BRL;')
    assert.include(text, 'Bruno Pago')
    assert.notInclude(text, 'Carla Pendente', 'the list filter (paid) applies')
    assert.match(page.url(), /\/payments\?status=paid$/)

    /** Large (the limit lowered to one row): the exports page offers a background job. */
    exportLimits.syncMaxRows = 1
    await page.locator('[data-test="export-payments"]').click()
    await page.waitForURL('**/exports?**')
    await page.assertTextContains('[data-test="export-offer"]', 'Exportação grande')
    await page.locator('[data-test="export-generate"]').click()
    await page.assertExists('[data-test="export-progress"]')
    await page.assertTextContains('[data-test="export-status"]', 'Na fila')

    const manager = await app.container.make('queue')
    worker = new Worker('exports', (job, token) => processJob('exports', job, token), {
      connection: manager.workerConnectionOptions(),
      prefix: manager.prefix,
    })
    /** The page polls: the bar fills and the link appears without a reload. */
    await page.assertTextContains('[data-test="export-status"]', 'Pronto')
    await page.assertExists('[data-test="export-progress"][aria-valuenow="100"]')
    const [file] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('[data-test="export-download"]').click(),
    ])
    const background = await readFile((await file.path())!, 'utf8')
    assert.isTrue(background.startsWith(BOM))
    assert.include(background, 'Bruno Pago')
    assert.notInclude(background, 'Carla Pendente')
  })
})
