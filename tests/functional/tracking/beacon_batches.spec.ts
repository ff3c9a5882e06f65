import { test } from '@japa/runner'
import { randomUUID } from 'node:crypto'
import { request } from 'node:http'
import db from '@adonisjs/lucid/services/db'
import { freshDatabase } from '#tests/helpers/database'
import { createTenant } from '#tests/helpers/tenants'
import { serverUrl } from '#tests/helpers/server'
import { FunnelFactory } from '#database/factories/funnel_factory'
import { FunnelStepFactory } from '#database/factories/funnel_step_factory'
import { EventBuffer } from '#services/event_buffer'
import FlushVisitorEvents from '#actions/tracking/flush_visitor_events'
import queue from '#services/queue'

/**
 * Beacon batching (issue 19): the tracking script queues a page's events and sends them as one
 * JSON array; the server takes that, one event alone, or `{ events }`, validates every event
 * (all or nothing), and the flush stores each event id once however often it arrives.
 */

async function tenantWithFunnel(slug = 'acme') {
  const tenant = await createTenant({ workspaceSlug: slug })
  const funnel = await FunnelFactory.merge({
    workspaceId: tenant.workspace.id,
    slug: 'bf',
  }).create()
  const step = await FunnelStepFactory.merge({
    workspaceId: tenant.workspace.id,
    funnelId: funnel.id,
    orderIndex: 0,
  }).create()
  return { ...tenant, funnel, step }
}

/** What navigator.sendBeacon sends: the raw JSON as text/plain, with the visitor's cookie. */
function beacon(host: string, body: string, cookie = 'visitor-cookie-0001') {
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = request(
      new URL('/_funil/e', serverUrl()),
      {
        method: 'POST',
        headers: {
          'host': host,
          'content-type': 'text/plain;charset=UTF-8',
          'accept': 'application/json',
          'cookie': `fd_sid=${cookie}`,
        },
      },
      (res) => {
        let text = ''
        res.on('data', (chunk) => (text += chunk))
        res.on('end', () => resolve({ status: res.statusCode!, body: text }))
      }
    )
    req.on('error', reject)
    req.end(body)
  })
}

function event(type: string, extra: Record<string, unknown> = {}) {
  return { id: randomUUID(), type, url: 'https://acme.localhost/bf', ...extra }
}

async function storedEvents(workspaceId: number) {
  return db
    .from('visitor_events')
    .where('workspace_id', workspaceId)
    .orderBy('id')
    .select('event_id', 'event_type', 'funnel_id', 'step_id')
}

test.group('Tracking: batched beacons', (group) => {
  freshDatabase(group)
  group.each.setup(async () => {
    await queue.connection().del(new EventBuffer().key)
  })

  test("a page's batch (view, heartbeats, leave) is one request; each stored event once", async ({
    assert,
  }) => {
    const { workspace, funnel, step } = await tenantWithFunnel()
    const ids = { funnelId: funnel.id, stepId: step.id }
    const batch = [
      event('page_view', ids),
      event('heartbeat', ids),
      event('heartbeat', ids),
      event('leave', ids),
    ]
    const response = await beacon('acme.localhost', JSON.stringify(batch))
    assert.equal(response.status, 204)
    assert.equal(await new EventBuffer().backlog(), 1, 'the batch is one stream entry (one XADD)')

    const { flushed } = await FlushVisitorEvents.handle()
    assert.equal(flushed, 4)
    const rows = await storedEvents(workspace.id)
    /** Heartbeats only prove presence (last_activity): they are not rows. */
    assert.sameDeepMembers(
      rows.map((row) => [row.event_id, row.event_type, row.funnel_id, row.step_id]),
      [
        [batch[0].id, 'page_view', funnel.id, step.id],
        [batch[3].id, 'leave', funnel.id, step.id],
      ]
    )
    const visitors = await db.from('visitors').where('workspace_id', workspace.id)
    assert.lengthOf(visitors, 1, 'one visitor for the whole batch')
    assert.equal(visitors[0].session_id, 'visitor-cookie-0001')
  })

  test('one event alone and the `{ events }` form are accepted too', async ({ assert }) => {
    const { workspace, funnel } = await tenantWithFunnel()
    const single = event('page_view', { funnelId: funnel.id })
    const wrapped = [event('page_view'), event('leave')]
    assert.equal((await beacon('acme.localhost', JSON.stringify(single))).status, 204)
    assert.equal((await beacon('acme.localhost', JSON.stringify({ events: wrapped }))).status, 204)

    await FlushVisitorEvents.handle()
    const stored = (await storedEvents(workspace.id)).map((row) => row.event_id).sort()
    assert.deepEqual(stored, [single.id, ...wrapped.map((e) => e.id)].sort())
  })

  test('one bad event rejects the whole batch with its field errors; nothing is buffered', async ({
    assert,
  }) => {
    await tenantWithFunnel()
    const batch = [
      { ...event('page_view'), id: 'not-a-uuid' },
      event('heartbeat'),
      event('payment_complete'),
      event('leave', { stepId: 'three' }),
    ]
    const response = await beacon('acme.localhost', JSON.stringify(batch))
    assert.equal(response.status, 422)
    const fields = JSON.parse(response.body)
      .errors.map((error: { field: string }) => error.field)
      .sort()
    assert.deepEqual(fields, ['events.0.id', 'events.2.type', 'events.3.stepId'])
    assert.equal(await new EventBuffer().backlog(), 0, 'not even the good events')

    /** Capped: a batch longer than the script ever sends is refused as a whole. */
    const long = Array.from({ length: 21 }, () => event('heartbeat'))
    const tooMany = await beacon('acme.localhost', JSON.stringify(long))
    assert.equal(tooMany.status, 422)
    assert.deepEqual(
      JSON.parse(tooMany.body).errors.map((error: { field: string }) => error.field),
      ['events']
    )
    const twenty = await beacon('acme.localhost', JSON.stringify(long.slice(0, 20)))
    assert.equal(twenty.status, 204)
    const buffered = await new EventBuffer().read('test', 100)
    assert.lengthOf(buffered, 20, 'twenty events in one entry')
    assert.lengthOf(new Set(buffered.map((entry) => entry.id)), 1)

    /** An empty batch or a body that is no batch at all. */
    assert.equal((await beacon('acme.localhost', '[]')).status, 422)
    assert.equal((await beacon('acme.localhost', '"page_view"')).status, 422)
  })

  test('a batch sent twice, and batches that overlap, store every event id once', async ({
    assert,
  }) => {
    const { workspace } = await tenantWithFunnel()
    const first = [event('page_view'), event('leave')]
    const second = [first[1], event('page_view'), event('leave')]
    /** The browser retried the first batch (sendBeacon, then the keepalive fetch). */
    for (const body of [first, first, second]) {
      assert.equal((await beacon('acme.localhost', JSON.stringify(body))).status, 204)
    }
    await FlushVisitorEvents.handle()
    /** The same batch again after the flush: already stored, nothing new. */
    assert.equal((await beacon('acme.localhost', JSON.stringify(second))).status, 204)
    await FlushVisitorEvents.handle()

    const stored = (await storedEvents(workspace.id)).map((row) => row.event_id)
    assert.sameMembers(stored, [first[0].id, first[1].id, second[1].id, second[2].id])
    assert.lengthOf(stored, 4)
    assert.equal(await new EventBuffer().backlog(), 0)
  })

  test('a batch entry is acknowledged only once every event of it is resolved', async ({
    assert,
  }) => {
    const { workspace } = await tenantWithFunnel()
    const batch = Array.from({ length: 10 }, (_, i) => event(i % 2 ? 'leave' : 'page_view'))
    assert.equal((await beacon('acme.localhost', JSON.stringify(batch))).status, 204)
    const buffer = new EventBuffer()
    const redis = queue.connection()

    /** A flusher wrote and acknowledged half of the batch, then died. */
    const taken = await buffer.read('dying-worker', 100)
    assert.lengthOf(taken, 10)
    await buffer.ack(taken.slice(0, 5).map((entry) => entry.id))
    assert.equal(await buffer.backlog(), 1, 'the entry is still there')
    const pending = (await redis.xpending(buffer.key, 'flushers')) as [number, ...unknown[]]
    assert.equal(pending[0], 1, 'and still pending: the next flush claims it back')

    await new Promise((resolve) => setTimeout(resolve, 50))
    const { flushed } = await FlushVisitorEvents.handle({ consumer: 'other', claimIdleMs: 10 })
    assert.equal(flushed, 10)
    assert.sameMembers(
      (await storedEvents(workspace.id)).map((row) => row.event_id),
      batch.map((e) => e.id)
    )
    assert.equal(await buffer.backlog(), 0)
  })

  test("a batch on another workspace's host is that workspace's; foreign ids are dropped", async ({
    assert,
  }) => {
    const acme = await tenantWithFunnel('acme')
    const beta = await tenantWithFunnel('beta')
    const batch = [event('page_view', { funnelId: acme.funnel.id, stepId: acme.step.id })]
    assert.equal((await beacon('beta.localhost', JSON.stringify(batch))).status, 204)
    await FlushVisitorEvents.handle()
    assert.lengthOf(await storedEvents(acme.workspace.id), 0)
    const rows = await storedEvents(beta.workspace.id)
    assert.lengthOf(rows, 1)
    assert.isNull(rows[0].funnel_id, "acme's funnel is never stored on beta's event")
    assert.isNull(rows[0].step_id)
    /** An unknown host is a 404, whatever the batch. */
    assert.equal((await beacon('nobody.localhost', JSON.stringify(batch))).status, 404)
  })
})
