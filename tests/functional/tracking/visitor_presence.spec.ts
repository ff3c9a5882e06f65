import { test } from '@japa/runner'
import { randomBytes, randomUUID } from 'node:crypto'
import { request } from 'node:http'
import { freshDatabase } from '#tests/helpers/database'
import { apiToken, createTenant } from '#tests/helpers/tenants'
import { SseClient } from '#tests/helpers/sse_client'
import { serverUrl } from '#tests/helpers/server'
import { WorkerProcess } from '#tests/helpers/worker_process'
import { FunnelFactory } from '#database/factories/funnel_factory'
import { FunnelStepFactory } from '#database/factories/funnel_step_factory'
import FlushVisitorEvents from '#actions/tracking/flush_visitor_events'
import SweepOfflineVisitors from '#actions/tracking/sweep_offline_visitors'
import { EventBuffer } from '#services/event_buffer'
import { QUEUES, VISITOR_OFFLINE_AFTER_SECONDS } from '#queues/definitions'
import queue from '#services/queue'
import Visitor from '#models/visitor'

async function tenantWithFunnel() {
  const tenant = await createTenant({ workspaceSlug: `presence-${randomBytes(3).toString('hex')}` })
  const funnel = await FunnelFactory.merge({ workspaceId: tenant.workspace.id }).create()
  const [first, second] = await Promise.all(
    [0, 1].map((orderIndex) =>
      FunnelStepFactory.merge({
        workspaceId: tenant.workspace.id,
        funnelId: funnel.id,
        orderIndex,
      }).create()
    )
  )
  return { ...tenant, funnel, first, second, host: `${tenant.workspace.slug}.localhost` }
}

/** A beacon as the tracking script sends it from the workspace host, with the visitor's cookie. */
function beacon(host: string, sessionId: string, events: Array<Record<string, unknown>>) {
  return new Promise<number>((resolve, reject) => {
    const req = request(
      new URL('/_funil/e', serverUrl()),
      {
        method: 'POST',
        headers: {
          'host': host,
          'content-type': 'text/plain;charset=UTF-8',
          'cookie': `fd_sid=${sessionId}`,
        },
      },
      (res) => {
        res.resume()
        res.on('end', () => resolve(res.statusCode ?? 0))
      }
    )
    req.on('error', reject)
    req.end(JSON.stringify({ events }))
  })
}

const event = (type: string, funnelId: number, stepId: number) => ({
  id: randomUUID(),
  type,
  funnelId,
  stepId,
})

test.group('Visitor presence: leave and silence', (group) => {
  freshDatabase(group)
  let worker: WorkerProcess | undefined
  let sse: SseClient | undefined
  group.each.setup(async () => {
    await queue.queue(QUEUES.tracking).obliterate({ force: true })
    await new EventBuffer().clear()
  })
  group.each.teardown(async () => {
    sse?.close()
    await worker?.stop('SIGKILL')
    sse = worker = undefined
  })

  test('a leave reaches a live monitor as visitor_offline within seconds, not after the silence timeout', async ({
    assert,
  }) => {
    const { owner, workspace, funnel, first, host } = await tenantWithFunnel()
    sse = new SseClient(serverUrl(), { authorization: `Bearer ${await apiToken(owner, null)}` })
    await sse.connect()
    assert.equal(await sse.subscribe(`workspaces/${workspace.id}`), 204)

    /** The real worker with its schedules: the flush and the offline sweep run by themselves. */
    worker = new WorkerProcess(['--queues', 'tracking'])
    await worker.start()

    const sessionId = randomBytes(18).toString('base64url')
    assert.equal(await beacon(host, sessionId, [event('page_view', funnel.id, first.id)]), 204)
    const online = await sse.waitFor((m) => m.payload.event === 'visitor_online', 30_000)

    assert.equal(await beacon(host, sessionId, [event('leave', funnel.id, first.id)]), 204)
    const left = Date.now()
    /**
     * The deadline is half the silence timeout: arriving before it proves the leave path (the
     * silence path cannot fire before 60 s). The ≤ 5 s figure itself is bench territory.
     */
    const offline = await sse.waitFor(
      (m) => m.payload.event === 'visitor_offline',
      (VISITOR_OFFLINE_AFTER_SECONDS * 1000) / 2
    )
    assert.isBelow(Date.now() - left, (VISITOR_OFFLINE_AFTER_SECONDS * 1000) / 2)
    assert.equal(offline.payload.visitorId, online.payload.visitorId)
    const visitor = await Visitor.query()
      .where('workspace_id', workspace.id)
      .where('session_id', sessionId)
      .firstOrFail()
    assert.isFalse(visitor.isOnline)
  }).timeout(120_000)

  test('a leave followed by the next step page_view keeps the visitor online (no flicker)', async ({
    assert,
  }) => {
    const { workspace, funnel, first, second, host } = await tenantWithFunnel()
    const moving = randomBytes(18).toString('base64url')
    const gone = randomBytes(18).toString('base64url')

    await beacon(host, moving, [event('page_view', funnel.id, first.id)])
    await beacon(host, gone, [event('page_view', funnel.id, first.id)])
    await FlushVisitorEvents.handle()
    await beacon(host, moving, [event('leave', funnel.id, first.id)])
    await beacon(host, gone, [event('leave', funnel.id, first.id)])
    await FlushVisitorEvents.handle()
    /** The next step loads after the leave was flushed: a separate batch. */
    await beacon(host, moving, [event('page_view', funnel.id, second.id)])
    await FlushVisitorEvents.handle()

    /** No grace: only the visitor with nothing after its leave goes offline. */
    const marked = await SweepOfflineVisitors.handle({ leftGraceSeconds: 0 })
    assert.equal(marked, 1)
    const visitors = await Visitor.query().where('workspace_id', workspace.id)
    const bySession = new Map(visitors.map((v) => [v.sessionId, v]))
    assert.isTrue(bySession.get(moving)!.isOnline, 'moved to the next step: still online')
    assert.equal(bySession.get(moving)!.currentStepId, second.id)
    assert.isFalse(bySession.get(gone)!.isOnline, 'left and sent nothing else: offline')

    /** The grace holds a fresh leave back: the sweep with its default grace takes nobody yet. */
    await beacon(host, moving, [event('leave', funnel.id, second.id)])
    await FlushVisitorEvents.handle()
    assert.equal(await SweepOfflineVisitors.handle({ leftGraceSeconds: 3600 }), 0)
    assert.equal(await SweepOfflineVisitors.handle({ leftGraceSeconds: 0 }), 1)
  })
})
