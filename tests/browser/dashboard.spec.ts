import { test } from '@japa/runner'
import { freshDatabase } from '#tests/helpers/database'
import { createTenant } from '#tests/helpers/tenants'
import { FunnelFactory } from '#database/factories/funnel_factory'
import { FunnelStepFactory } from '#database/factories/funnel_step_factory'
import { aPayment } from '#tests/functional/payments/helpers'

test.group('Dashboard in Chromium', (group) => {
  freshDatabase(group)

  test('renders KPIs and its charts, and the period picker switches to 30 days', async ({
    visit,
    browserContext,
  }) => {
    const { owner, workspace } = await createTenant()
    const funnel = await FunnelFactory.merge({ workspaceId: workspace.id }).create()
    await FunnelStepFactory.merge({ workspaceId: workspace.id, funnelId: funnel.id }).create()
    await aPayment(workspace, { funnelId: funnel.id, status: 'paid', amountCents: 19700 })

    await browserContext.loginAs(owner)
    const page = await visit(`/w/${workspace.slug}/dashboard`)
    await page.assertTextContains('[data-test="kpi-revenue"]', 'R$ 197,00')
    for (const chart of ['chart-visits', 'chart-revenue', 'chart-steps']) {
      await page.locator(`[data-test="${chart}"] svg.recharts-surface`).first().waitFor()
    }
    await page.locator('[data-test="period-30d"]').click()
    await page.waitForURL('**/dashboard?period=30d*')
    await page.locator('[data-test="chart-visits"] svg.recharts-surface').first().waitFor()
  })
})
