import { execFile } from 'node:child_process'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { test } from '@japa/runner'
import type { Job } from 'bullmq'
import { QUEUES } from '#queues/definitions'
import { JOBS, deliveryJobId, jobOptions, jobsOf, webhookJobId, type JobName } from '#queues/jobs'
import type { QueueManager } from '#queues/queue_manager'
import { processJob } from '#workers/processors'
import { SCHEDULES } from '#workers/schedules'

const ROOT = fileURLToPath(new URL('../../', import.meta.url))

/**
 * Never called: `npm run typecheck` compiles it. Each `@ts-expect-error` must meet an error, so
 * if `dispatch` stopped checking job names or payloads these lines would fail the typecheck.
 */
export function dispatchIsTypedByJobName(queue: QueueManager) {
  // @ts-expect-error a misspelt job name
  void queue.dispatch('poll_paymnet', { workspaceId: 1, paymentId: 2 })
  // @ts-expect-error a payload of another job
  void queue.dispatch('poll_payment', { workspaceId: 1, deliveryId: 2 })
  // @ts-expect-error a payload field of the wrong type
  void queue.dispatch('deliver_postback', { workspaceId: 1, deliveryId: '2' })
  // @ts-expect-error the queue, or options, are not the caller's to give
  void queue.dispatch('postbacks', 'deliver_postback', { workspaceId: 1, deliveryId: 2 })
  void queue.dispatch('deliver_postback', { workspaceId: 1, deliveryId: 2 })
}

/**
 * A fixture compiled by tsc on its own, outside the project (a broken file inside it would break
 * everyone's typecheck): the exact lines that misuse `dispatch` must be the ones reported.
 */
const BROKEN_FIXTURE = `import type { QueueManager } from '${ROOT}app/queues/queue_manager.js'
export function broken(queue: QueueManager) {
  void queue.dispatch('poll_paymnet', { workspaceId: 1, paymentId: 2 })
  void queue.dispatch('poll_payment', { workspaceId: 1, paymentId: '2' })
  void queue.dispatch('payments', 'poll_payment', { workspaceId: 1, paymentId: 2 })
  void queue.dispatch('poll_payment', { workspaceId: 1, paymentId: 2, attempt: 1 })
}
`

test.group('Job registry', () => {
  test('tsc rejects a misspelt job name, a wrong payload and caller-given options', async ({
    assert,
  }) => {
    const dir = await mkdtemp(join(tmpdir(), 'job-registry-'))
    try {
      await writeFile(join(dir, 'fixture.ts'), BROKEN_FIXTURE)
      await writeFile(
        join(dir, 'tsconfig.json'),
        JSON.stringify({
          extends: join(ROOT, 'tsconfig.json'),
          compilerOptions: {
            noEmit: true,
            rootDir: '/',
            typeRoots: [join(ROOT, 'node_modules/@types')],
            types: ['node'],
          },
          include: [],
          files: ['fixture.ts'],
          references: [],
        })
      )
      const tsc = join(ROOT, 'node_modules/typescript/bin/tsc')
      const output = await promisify(execFile)(process.execPath, [tsc, '-p', dir], {
        cwd: dir,
        maxBuffer: 10 * 1024 * 1024,
      })
        .then(({ stdout }) => stdout)
        .catch((error: { stdout: string }) => error.stdout)
      /** Only the fixture's own errors count (the project may have others of the moment). */
      const errors = output
        .split('\n')
        .filter((line) => line.startsWith('fixture.ts('))
        .map((line) =>
          line
            .match(/^fixture\.ts\((\d+),\d+\): error (TS\d+)/)!
            .slice(1)
            .join(' ')
        )
      assert.deepEqual(errors, ['3 TS2345', '4 TS2322', '5 TS2554'])
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  }).timeout(180_000)

  test('every job has a queue of the product and a processor module that loads', async ({
    assert,
  }) => {
    const names = Object.keys(JOBS) as JobName[]
    assert.isAbove(names.length, 15)
    for (const name of names) {
      assert.include(Object.values(QUEUES), JOBS[name].queue, name)
      const { default: processor } = await JOBS[name].processor()
      assert.isFunction(processor, name)
    }
    for (const queue of Object.values(QUEUES)) assert.isNotEmpty(jobsOf(queue), queue)
  })

  test('an unknown job, or a job on a queue the registry does not give it, fails loudly', async ({
    assert,
  }) => {
    const fake = (name: string) => ({ name, data: {} }) as unknown as Job
    await assert.rejects(
      () => processJob('payments', fake('poll_paymnet')),
      'No processor for job "poll_paymnet" on queue "payments"'
    )
    await assert.rejects(
      () => processJob('mail', fake('poll_payment')),
      'No processor for job "poll_payment" on queue "mail"'
    )
  })

  test('options come from the payload alone: ids, attempts, backoff, delay', ({ assert }) => {
    assert.deepEqual(jobOptions('deliver_postback', { workspaceId: 1, deliveryId: 7 }), {
      jobId: 'delivery-7',
      attempts: 12,
      backoff: { type: 'exponential', delay: 20_000 },
    })
    assert.equal(deliveryJobId(7), 'delivery-7')
    assert.include(
      jobOptions('deliver_postback', { workspaceId: 1, deliveryId: 7, attemptsLeft: 3 }),
      { jobId: 'delivery-7', attempts: 3 }
    )
    assert.include(
      jobOptions('deliver_postback', { workspaceId: 1, deliveryId: 7, attemptsLeft: -2 }),
      { attempts: 1 }
    )
    assert.equal(
      jobOptions('deliver_postback', { workspaceId: 1, deliveryId: 7, redeliveryAt: 99 }).jobId,
      'delivery-7-retry-99'
    )
    assert.equal(
      jobOptions('process_webhook', { workspaceId: 1, webhookEventId: 5, requeue: 2 }).jobId,
      webhookJobId(5, 2)
    )
    assert.equal(webhookJobId(5), 'webhook-5')

    const now = Date.now()
    const poll = jobOptions('poll_payment', {
      workspaceId: 1,
      paymentId: 3,
      attempt: 4,
      runAt: now + 60_000,
    })
    assert.equal(poll.jobId, 'poll-3-4')
    assert.equal(poll.attempts, 1)
    assert.closeTo(poll.delay!, 60_000, 1_000)
    const past = jobOptions('expire_payment', { workspaceId: 1, paymentId: 3, runAt: now - 5 })
    assert.equal(past.delay, 0)
    assert.equal(past.jobId, `expire-3-${Math.round((now - 5) / 1000)}`)

    /** The same events in any order are one job (a replayed flush enqueues nothing new). */
    const a = jobOptions('plan_visitor_conversions', { workspaceId: 1, eventIds: ['b', 'a'] })
    const b = jobOptions('plan_visitor_conversions', { workspaceId: 1, eventIds: ['a', 'b'] })
    assert.equal(a.jobId, b.jobId)
    assert.match(a.jobId!, /^conversions-1-[0-9a-f]{40}$/)

    const mail = jobOptions('send_mail', { mailerName: 'smtp', mail: { message: {}, views: {} } })
    assert.include(mail, { attempts: 6, removeOnComplete: true })
  })

  test('the schedules are the registry’s repeatable jobs, one id each', ({ assert }) => {
    const ids = SCHEDULES.map((schedule) => schedule.id)
    assert.equal(new Set(ids).size, ids.length)
    assert.includeMembers(ids, ['flush-visitor-events', 'reconcile-payments'])
    for (const schedule of SCHEDULES) assert.equal(JOBS[schedule.job].queue, schedule.queue)
    assert.lengthOf(SCHEDULES, 11)
  })
})
