import { test } from '@japa/runner'
import { freshDatabase } from '#tests/helpers/database'
import { createTenant } from '#tests/helpers/tenants'
import { FunnelFactory } from '#database/factories/funnel_factory'
import { FunnelStepFactory } from '#database/factories/funnel_step_factory'
import { publish } from '#tests/helpers/publish'
import { EventBuffer } from '#services/event_buffer'
import FlushVisitorEvents from '#actions/tracking/flush_visitor_events'
import Visitor from '#models/visitor'
import queue from '#services/queue'
import env from '#start/env'
import { waitUntil } from '#tests/helpers/wait_until'

test.group('Live monitor in Chromium', (group) => {
  freshDatabase(group)
  group.each.setup(async () => {
    await queue.connection().del(new EventBuffer().key)
  })

  test('a visitor appears on its step when a second browser opens the funnel', async ({
    visit,
    browser,
    browserContext,
    assert,
  }) => {
    const { owner, workspace } = await createTenant({ workspaceSlug: 'loja-ao-vivo' })
    const funnel = await FunnelFactory.merge({
      workspaceId: workspace.id,
      slug: 'lancamento',
      name: 'Lançamento',
    }).create()
    const capture = await FunnelStepFactory.merge({
      workspaceId: workspace.id,
      funnelId: funnel.id,
      slug: 'inscricao',
      name: 'Inscrição',
      orderIndex: 0,
      content: { headline: 'Aula gratuita', fields: ['name', 'email'], buttonLabel: 'Quero' },
    }).create()
    await publish(funnel)

    await browserContext.loginAs(owner)
    const monitor = await visit(`/w/${workspace.slug}/monitor`)
    await monitor.assertTextContains('[data-test="page-title"]', 'Ao vivo')
    await monitor.locator('[data-test="monitor-connection"][data-connected="true"]').waitFor()
    await monitor.locator('[data-test="monitor-funnel"][data-joined="true"]').waitFor()
    await monitor.assertTextContains(`[data-test="monitor-step-count-${capture.id}"]`, '0')

    const other = await browser.newContext()
    try {
      const buyer = await other.newPage()
      const host = `http://loja-ao-vivo.localhost:${env.get('PORT', 3334)}`
      await buyer.goto(`${host}/lancamento?utm_source=instagram`)
      await buyer.locator('h1', { hasText: 'Aula gratuita' }).waitFor()
      /** The page's beacon reaches the buffer when it does: flush until its visitor is in. */
      await waitUntil(
        async () => {
          await FlushVisitorEvents.handle()
          return Visitor.query().where('workspace_id', workspace.id).first()
        },
        { message: 'the landing beacon was never flushed' }
      )

      const visitor = await Visitor.query().where('workspace_id', workspace.id).firstOrFail()
      const row = monitor.locator(`[data-test="monitor-visitor-${visitor.publicId}"]`)
      await row.waitFor({ timeout: 10_000 })
      await monitor.assertTextContains(
        `[data-test="monitor-visitor-${visitor.publicId}"]`,
        'Inscrição'
      )
      await monitor.assertTextContains(
        `[data-test="monitor-visitor-${visitor.publicId}"]`,
        'instagram'
      )
      await monitor.assertTextContains(`[data-test="monitor-step-count-${capture.id}"]`, '1')
      assert.equal(visitor.currentStepId, capture.id)
    } finally {
      await other.close()
    }

    // Leaving the funnel's monitor unsubscribes from its channel.
    await monitor.locator('[data-test="monitor-funnel"]').selectOption('')
    await monitor.locator('[data-test="monitor-funnel"][data-joined="false"]').waitFor()
  })
})
