import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import { freshDatabase } from '#tests/helpers/database'
import { createTenant } from '#tests/helpers/tenants'
import { aPayment, emptyQueues } from '#tests/functional/payments/helpers'

test.group('Conciliação in Chromium', (group) => {
  freshDatabase(group)
  group.each.setup(() => emptyQueues())

  test('the sidebar leads to the page: figures per day, chart, mismatches with the action taken', async ({
    visit,
    browserContext,
    assert,
  }) => {
    const { owner, workspace } = await createTenant()
    const paid = await aPayment(workspace, {
      status: 'paid',
      paidAt: DateTime.now(),
      paidAfterExpiry: true,
      amountCents: 19700,
      customerData: { name: 'Maria da Silva' },
    })
    await aPayment(workspace, { status: 'pending' })
    const today = DateTime.now()
      .setZone(workspace.timezone || 'America/Sao_Paulo')
      .toISODate()
    await db.table('reconciliation_mismatches').insert({
      workspace_id: workspace.id,
      payment_id: paid.id,
      kind: 'gateway_status',
      ours: 'expired',
      theirs: 'paid',
      action: 'status_corrected',
      details: JSON.stringify({ correctedTo: 'paid' }),
      detected_on: today,
    })

    await browserContext.loginAs(owner)
    const page = await visit(`/w/${workspace.slug}/payments`)
    await page.locator('[data-test="nav-reconciliation"]').first().click()
    await page.waitForURL(`**/w/${workspace.slug}/reconciliation`)
    await page.assertTextContains('[data-test="page-title"]', 'Conciliação')
    await page.assertTextContains('[data-test="reconciliation-total-charges"]', '2')
    await page.assertTextContains('[data-test="reconciliation-total-paid"]', '1')
    await page.assertTextContains('[data-test="reconciliation-total-mismatches"]', '1')
    await page.assertVisible('[data-test="reconciliation-chart"] svg[role="application"]')
    await page.assertTextContains(`[data-test="reconciliation-day-${today}"]`, '2')
    await page.assertTextContains('[data-test="reconciliation-utmify-off"]', 'UTMify')
    const row = page.locator('[data-test="reconciliation-mismatches"] tbody tr')
    assert.equal(await row.count(), 1)
    await page.assertTextContains('[data-test="mismatch-action"]', 'status corrigido para Pago')
    await page.assertTextContains('[data-test="reconciliation-mismatches"]', 'pago após expirar')
    await page.assertTextContains('[data-test="reconciliation-mismatches"]', 'Maria da Silva')
  })
})
