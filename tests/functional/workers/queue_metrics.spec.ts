import { test } from '@japa/runner'
import queue from '#services/queue'
import { QUEUES } from '#queues/definitions'
import { readQueueMetrics, recordJobOutcome } from '#queues/queue_metrics'
import { freshDatabase } from '#tests/helpers/database'
import { asInertia } from '#tests/helpers/inertia'
import { createTenant, workspaceMember } from '#tests/helpers/tenants'
import { WorkerProcess } from '#tests/helpers/worker_process'
import { waitUntil } from '#tests/helpers/wait_until'
import { route } from '#tests/helpers/routes'

const TOKEN = 'test-health-token'

async function clearMetrics() {
  const redis = queue.connection()
  const keys = await redis.keys(`${queue.prefix}:metrics:*`)
  if (keys.length) await redis.del(...keys)
}

/**
 * Queue metrics (wait time, processing time, failures per queue over the last hour): recorded by
 * the real worker process on every finished attempt, read back by /health/ready's details and
 * shown on "Entregas".
 */
test.group('Workers: queue metrics', (group) => {
  freshDatabase(group)
  let worker: WorkerProcess | undefined
  group.each.setup(async () => {
    await queue.queue(QUEUES.tracking).obliterate({ force: true })
    await clearMetrics()
  })
  group.each.teardown(async () => {
    await worker?.stop('SIGKILL')
    worker = undefined
  })

  test('what a real worker did shows on /health/ready and on Entregas', async ({
    client,
    assert,
  }) => {
    worker = new WorkerProcess(['--queues', 'tracking', '--no-schedules'], { LOG_LEVEL: 'fatal' })
    await worker.start()

    await queue.dispatch('sweep_offline_visitors', {})
    await queue.dispatch('rollup_analytics', {})
    /** No processor has this name: its one attempt fails. */
    await queue.queue('tracking').add('h1_no_such_job' as any, {}, { attempts: 1 })

    const tracking = async () => (await queue.metrics(['tracking'])).tracking
    await waitUntil(async () => {
      const metrics = await tracking()
      return metrics.completed === 2 && metrics.failed === 1
    })

    const health = await client
      .get(route('health.ready'))
      .header('authorization', `Bearer ${TOKEN}`)
    health.assertStatus(200)
    const check = health.body().checks.find((c: any) => c.name === 'Queue depth')
    const metrics = check.meta.metrics.tracking
    assert.include(metrics, { windowMinutes: 60, completed: 2, failed: 1 })
    assert.isAtLeast(metrics.waitMs.avg, 0)
    assert.isAtLeast(metrics.waitMs.max, metrics.waitMs.avg)
    assert.isAtLeast(metrics.processMs.avg, 0)
    assert.isAtLeast(metrics.processMs.max, metrics.processMs.avg)
    assert.properties(check.meta.metrics, Object.values(QUEUES))
    assert.include(check.meta.metrics.mail, { completed: 0, failed: 0 })
    assert.deepEqual(check.meta.metrics.mail.waitMs, { avg: null, max: null })

    /** Without the token: the status only, no metrics. */
    const anonymous = await client.get(route('health.ready'))
    assert.deepEqual(anonymous.body(), { status: 'ok' })

    const { owner, workspace } = await createTenant()
    const page = await asInertia(
      client.get(route('w.deliveries.index', { workspaceSlug: workspace.slug })).loginAs(owner)
    )
    page.assertStatus(200)
    const card = page.body().props.queues.find((q: any) => q.name === 'tracking')
    assert.include(card.metrics, { completed: 2, failed: 1 })
    assert.isNotNull(card.metrics.processMs.avg)

    /** Editors see the deliveries but not the installation's queues. */
    const editor = await workspaceMember(workspace, 'editor')
    const asEditor = await asInertia(
      client.get(route('w.deliveries.index', { workspaceSlug: workspace.slug })).loginAs(editor)
    )
    assert.isNull(asEditor.body().props.queues)
  }).timeout(60_000)

  test('wait counts from when a job was due, on its first attempt only; the window forgets', async ({
    assert,
  }) => {
    const redis = queue.connection()
    const prefix = queue.prefix
    const now = Date.now()
    /** Created 10 s ago with a 4 s delay, taken 1 s ago, ran 250 ms: waited 5 s. */
    await recordJobOutcome(
      redis,
      prefix,
      'mail',
      {
        timestamp: now - 10_000,
        delay: 4_000,
        processedOn: now - 1_000,
        finishedOn: now - 750,
        attemptsStarted: 1,
      },
      'completed',
      now
    )
    /** A second attempt: its start includes the backoff, so only its run time counts. */
    await recordJobOutcome(
      redis,
      prefix,
      'mail',
      {
        timestamp: now - 600_000,
        delay: 0,
        processedOn: now - 2_000,
        finishedOn: now - 1_000,
        attemptsStarted: 2,
      },
      'failed',
      now
    )
    /** Two hours ago: outside the window. */
    await recordJobOutcome(
      redis,
      prefix,
      'mail',
      { timestamp: 0, delay: 0, processedOn: 1, finishedOn: 2, attemptsStarted: 1 },
      'failed',
      now - 2 * 3600_000
    )

    const { mail, payments } = await readQueueMetrics(redis, prefix, ['mail', 'payments'], { now })
    assert.deepEqual(mail, {
      windowMinutes: 60,
      completed: 1,
      failed: 1,
      waitMs: { avg: 5_000, max: 5_000 },
      processMs: { avg: 625, max: 1_000 },
    })
    assert.deepEqual(payments, {
      windowMinutes: 60,
      completed: 0,
      failed: 0,
      waitMs: { avg: null, max: null },
      processMs: { avg: null, max: null },
    })
    /** Each minute's bucket expires by itself after the window. */
    const ttl = await redis.ttl(`${prefix}:metrics:mail:${Math.floor(now / 60_000)}`)
    assert.isAbove(ttl, 3600)
    assert.isAtMost(ttl, 61 * 60)
  })
})
