import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import queue from '#services/queue'
import { QUEUES } from '#queues/definitions'
import { freshDatabase } from '#tests/helpers/database'
import { apiToken, createTenant } from '#tests/helpers/tenants'
import { WorkerProcess } from '#tests/helpers/worker_process'
import { SseClient } from '#tests/helpers/sse_client'
import { serverUrl } from '#tests/helpers/server'
import { FunnelFactory } from '#database/factories/funnel_factory'
import { VisitorFactory } from '#database/factories/visitor_factory'
import Visitor from '#models/visitor'

test.group('Workers: a separate process runs what the web process enqueues', (group) => {
  freshDatabase(group)

  let worker: WorkerProcess | undefined
  let sse: SseClient | undefined
  group.each.setup(async () => {
    await queue.queue(QUEUES.tracking).obliterate({ force: true })
  })
  group.each.teardown(async () => {
    sse?.close()
    await worker?.stop('SIGKILL')
    sse = worker = undefined
  })

  test('the offline sweep marks silent visitors offline and broadcasts visitor_offline', async ({
    assert,
  }) => {
    const { owner, workspace } = await createTenant()
    const funnel = await FunnelFactory.merge({ workspaceId: workspace.id }).create()
    const silent = await VisitorFactory.merge({ workspaceId: workspace.id, funnelId: funnel.id })
      .apply('stale')
      .create()
    const active = await VisitorFactory.merge({
      workspaceId: workspace.id,
      funnelId: funnel.id,
      lastActivity: DateTime.now().minus({ seconds: 10 }),
    }).create()

    sse = new SseClient(serverUrl(), { authorization: `Bearer ${await apiToken(owner, null)}` })
    await sse.connect()
    assert.equal(await sse.subscribe(`workspaces/${workspace.id}/funnels/${funnel.id}`), 204)

    worker = new WorkerProcess(['--queues', 'tracking', '--no-schedules'])
    await worker.start()
    await queue.dispatch('sweep_offline_visitors', {})

    const message = await sse.waitFor((m) => m.payload.event === 'visitor_offline')
    assert.equal(message.channel, `workspaces/${workspace.id}/funnels/${funnel.id}`)
    await silent.refresh()
    await active.refresh()
    assert.equal(message.payload.visitorId, silent.publicId)
    assert.isFalse(silent.isOnline)
    assert.isTrue(active.isOnline, 'a visitor heard from 10 s ago stays online')
    const offline = await Visitor.query()
      .where('workspace_id', workspace.id)
      .where('is_online', false)
    assert.lengthOf(offline, 1)
  })

  test('the worker schedules the sweep as a repeatable job and stops cleanly on SIGTERM', async ({
    assert,
  }) => {
    const scheduling = new WorkerProcess(['--queues', 'tracking'])
    worker = scheduling
    await scheduling.start()
    const schedulers = await queue.queue(QUEUES.tracking).getJobSchedulers()
    assert.includeMembers(
      schedulers.map((s) => s.key),
      ['sweep-offline-visitors']
    )
    assert.equal(schedulers.find((s) => s.key === 'sweep-offline-visitors')!.every, 1_000)
    /** The postbacks outbox sweep is registered by every worker, whatever its queues. */
    const postbacks = await queue.queue(QUEUES.postbacks).getJobSchedulers()
    const outbox = postbacks.find((s) => s.key === 'sweep-unplanned-postbacks')
    assert.equal(outbox?.every, 60_000)
    assert.equal(outbox?.name, 'sweep_unplanned_postbacks')
    assert.equal(await scheduling.stop('SIGTERM'), 0)
  })

  test('an unknown queue name is refused', async ({ assert }) => {
    const refused = new WorkerProcess(['--queues', 'nope'])
    worker = refused
    await assert.rejects(() => refused.start(), /Unknown queues: nope/)
  })
})
