import { test } from '@japa/runner'
import { randomUUID } from 'node:crypto'
import db from '@adonisjs/lucid/services/db'
import queue from '#services/queue'
import { QUEUES } from '#queues/definitions'
import { EventBuffer, type BufferedEvent } from '#services/event_buffer'
import { freshDatabase } from '#tests/helpers/database'
import { createTenant } from '#tests/helpers/tenants'
import { WorkerProcess } from '#tests/helpers/worker_process'

async function countEvents(workspaceId: number) {
  const [row] = await db.from('visitor_events').where('workspace_id', workspaceId).count('* as n')
  return Number(row.n)
}

test.group('Workers: the event flush survives a SIGKILL', (group) => {
  freshDatabase(group)
  let worker: WorkerProcess | undefined
  group.each.setup(async () => {
    await queue.queue(QUEUES.tracking).obliterate({ force: true })
    await queue.connection().del(new EventBuffer().key)
  })
  group.each.teardown(async () => {
    await worker?.stop('SIGKILL')
  })

  test('a worker killed while flushing loses no event and writes none twice', async ({
    assert,
  }) => {
    const { workspace } = await createTenant()
    const total = 20_000
    const now = new Date().toISOString()
    const events: BufferedEvent[] = Array.from({ length: total }, (_, i) => ({
      workspaceId: workspace.id,
      sessionId: `crash-test-session-${i % 2000}`,
      eventId: randomUUID(),
      type: 'page_view',
      funnelId: null,
      stepId: null,
      occurredAt: now,
      ip: '203.0.113.7',
      userAgent: 'bench',
      url: 'https://acme.localhost/bf?utm_source=facebook',
      referrer: null,
      data: {},
    }))
    await new EventBuffer().append(events)

    const env = { EVENT_FLUSH_CLAIM_IDLE_MS: '500' }
    worker = new WorkerProcess(['--queues', 'tracking'], env)
    await worker.start()
    // Let it get into the backlog, then kill it without warning.
    for (let i = 0; i < 100 && (await countEvents(workspace.id)) === 0; i++) {
      await new Promise((resolve) => setTimeout(resolve, 50))
    }
    await worker.stop('SIGKILL')
    const atKill = await countEvents(workspace.id)
    assert.isBelow(atKill, total, 'the worker died mid-backlog')

    worker = new WorkerProcess(['--queues', 'tracking'], env)
    await worker.start()
    const buffer = new EventBuffer()
    // A deadline, not a sleep: 20,000 events drain in seconds on a quiet machine, ~50 s on a
    // 2-core one running other suites (measured), so the deadline is generous.
    for (let i = 0; i < 1200 && (await buffer.backlog()) > 0; i++) {
      await new Promise((resolve) => setTimeout(resolve, 100))
    }
    assert.equal(await buffer.backlog(), 0, 'the abandoned batch was claimed back')
    assert.equal(await countEvents(workspace.id), total)
    const [visitors] = await db.from('visitors').where('workspace_id', workspace.id).count('* as n')
    assert.equal(Number(visitors.n), 2000)
  }).timeout(200_000)
})
