import type { Socket } from 'node:net'
import { test } from '@japa/runner'
import transmit from '@adonisjs/transmit/services/main'
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

/** Polls until `check` holds (the server side of the SSE connection has no event to await). */
async function until(what: string, check: () => boolean, timeout = 15_000) {
  const deadline = Date.now() + timeout
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
}

test.group('Live monitor reconnect in Chromium', (group) => {
  freshDatabase(group)
  group.each.setup(async () => {
    await queue.connection().del(new EventBuffer().key)
  })

  test('a visitor who came online during a network drop appears once the monitor reconnects', async ({
    visit,
    browser,
    browserContext,
    assert,
    cleanup,
  }) => {
    const { owner, workspace } = await createTenant({ workspaceSlug: 'loja-queda' })
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
    const channel = `workspaces/${workspace.id}`

    /** The SSE streams' sockets, to cut them the way a dropped network does. */
    const streams = new Set<Socket>()
    const stopListening = transmit.on('connect', ({ context }) => {
      streams.add(context.request.request.socket)
    })
    cleanup(stopListening)

    await browserContext.loginAs(owner)
    const monitor = await visit(`/w/${workspace.slug}/monitor`)
    const connection = monitor.locator('[data-test="monitor-connection"]')
    await monitor.locator('[data-test="monitor-connection"][data-connected="true"]').waitFor()
    await monitor.locator('[data-test="monitor-funnel"][data-joined="true"]').waitFor()
    await until('the monitor to subscribe', () => transmit.getSubscribersFor(channel).length === 1)
    await monitor.assertTextContains(`[data-test="monitor-step-count-${capture.id}"]`, '0')
    /** A marker on the page's `window`: a full page load would wipe it, a catch-up in place keeps it. */
    await monitor.evaluate(() => ((globalThis as any).__sameDocument = true))

    // The monitor's network drops: its open SSE connection is cut (Chromium's offline mode only
    // fails new requests) and its retries fail until the network is back.
    let retries = 0
    monitor.on('request', (request) => {
      if (request.url().includes('/__transmit/events')) retries++
    })
    await browserContext.setOffline(true)
    for (const socket of streams) socket.destroy()
    await until(
      'the server to lose the stream',
      () => transmit.getSubscribersFor(channel).length === 0
    )
    await monitor.locator('[data-test="monitor-connection"][data-connected="false"]').waitFor()

    // A visitor comes online meanwhile: the live `visitor_online` reaches nobody.
    const other = await browser.newContext()
    try {
      const buyer = await other.newPage()
      const host = `http://loja-queda.localhost:${env.get('PORT', 3334)}`
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
    } finally {
      await other.close()
    }
    const visitor = await Visitor.query().where('workspace_id', workspace.id).firstOrFail()
    const row = monitor.locator(`[data-test="monitor-visitor-${visitor.publicId}"]`)
    assert.equal(await row.count(), 0)

    /** transmit-client gives up after five failed retries by default: the drop outlasts them. */
    await until('a sixth reconnection attempt', () => retries >= 6, 40_000)
    assert.equal(await row.count(), 0)

    // The network comes back: the monitor reconnects and catches up without a page load.
    await browserContext.setOffline(false)
    await monitor.locator('[data-test="monitor-connection"][data-connected="true"]').waitFor({
      timeout: 20_000,
    })
    await row.waitFor({ timeout: 20_000 })
    await monitor.assertTextContains(
      `[data-test="monitor-visitor-${visitor.publicId}"]`,
      'Inscrição'
    )
    await monitor.assertTextContains(
      `[data-test="monitor-visitor-${visitor.publicId}"]`,
      'instagram'
    )
    await monitor.assertTextContains(`[data-test="monitor-step-count-${capture.id}"]`, '1')
    assert.isTrue(await monitor.evaluate(() => (globalThis as any).__sameDocument === true))
    assert.equal(await connection.getAttribute('data-connected'), 'true')
    /** Live again: the server holds the re-created subscription. */
    assert.lengthOf(transmit.getSubscribersFor(channel), 1)
  })
})
