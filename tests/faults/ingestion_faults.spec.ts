import { test } from '@japa/runner'
import { chmodSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import pg from 'pg'
import { randomUUID } from 'node:crypto'
import { Redis } from 'ioredis'
import { WorkerProcess } from '#tests/helpers/worker_process'
import {
  BeaconLoad,
  freePort,
  OwnRedis,
  postgresUnderTest,
  request,
  runAce,
  sleep,
  WebProcess,
} from './support.js'

/**
 * Fault injection, as an outsider would do it: the application (one web process, one worker)
 * runs against a redis-server and a PostgreSQL cluster of this suite's own, which the tests
 * kill, wipe and stop while visitors keep sending beacons. What must hold: every beacon answered
 * 204 ends as exactly one row (0 lost, 0 duplicated), refusals are quick 503s with Retry-After,
 * the flush resumes by itself (no process restarted), and a pending payment still expires.
 * Figures are printed at the end of the run.
 */

const WORKSPACE_HOST = 'demo.localhost'
const figures: Record<string, Record<string, unknown>> = {}

let baseDir: string
let redis: OwnRedis
let postgres: ReturnType<typeof postgresUnderTest>
let web: WebProcess
let worker: WorkerProcess
let env: Record<string, string>
let sql: pg.Pool
let demo: { workspaceId: number; funnelId: number; stepId: number; checkoutStepId: number }

async function waitUntil(check: () => Promise<boolean>, timeoutMs: number, everyMs = 200) {
  const started = Date.now()
  while (Date.now() - started < timeoutMs) {
    if (await check().catch(() => false)) return Date.now() - started
    await sleep(everyMs)
  }
  return null
}

/** How many rows each event id has in visitor_events. */
async function rowsPerEvent(ids: string[]) {
  const counts = new Map<string, number>()
  for (let i = 0; i < ids.length; i += 5000) {
    const { rows } = await sql.query(
      `SELECT event_id::text AS id, count(*)::int AS n FROM visitor_events
        WHERE workspace_id = $1 AND event_id = ANY($2::uuid[]) GROUP BY 1`,
      [demo.workspaceId, ids.slice(i, i + 5000)]
    )
    for (const row of rows) counts.set(row.id, row.n)
  }
  return counts
}

/** Waits until every accepted event is stored (or `timeoutMs`), then counts. */
async function settle(load: BeaconLoad, timeoutMs = 90_000) {
  const waited = await waitUntil(
    async () => (await rowsPerEvent(load.accepted)).size === load.accepted.length,
    timeoutMs,
    500
  )
  const counts = await rowsPerEvent(load.accepted)
  const refusedStored = (await rowsPerEvent(load.refused)).size
  const lost = load.accepted.filter((id) => !counts.has(id)).length
  const duplicated = [...counts.values()].filter((n) => n > 1).length
  const slowest503 = Math.max(0, ...load.refusals.map((r) => r.ms))
  return {
    sent: load.accepted.length + load.refused.length,
    accepted: load.accepted.length,
    refused: load.refused.length,
    stored: [...counts.values()].reduce((sum, n) => sum + n, 0),
    lost,
    duplicated,
    refusedButStored: refusedStored,
    statuses: load.statuses,
    slowestRefusalMs: Math.round(slowest503),
    refusalsWithoutRetryAfter: load.refusals.filter((r) => !r.retryAfter).length,
    drainedInMs: waited,
  }
}

/** Milliseconds from `since` until an event accepted after it is in PostgreSQL. */
async function flushResumesAfter(load: BeaconLoad, since: number, timeoutMs = 120_000) {
  const waited = await waitUntil(
    async () => {
      const after = load.accepted.filter((id) => load.acceptedAt.get(id)! > since)
      if (!after.length) return false
      return (await rowsPerEvent(after.slice(-50))).size > 0
    },
    timeoutMs,
    250
  )
  return waited === null ? null : Date.now() - since
}

function target() {
  return { port: web.port, host: WORKSPACE_HOST, funnelId: demo.funnelId, stepId: demo.stepId }
}

test.group('Faults: nothing accepted is lost', (group) => {
  group.setup(async () => {
    const cleanup = async () => {
      await web?.stop('SIGKILL')
      await worker?.stop('SIGKILL')
      await sql?.end().catch(() => {})
      await redis?.kill()
      await postgres?.destroy()
      rmSync(baseDir, { recursive: true, force: true })
    }
    try {
      await start()
    } catch (error) {
      await cleanup()
      throw error
    }
    return async () => {
      await cleanup()
      console.log(`\nFault suite figures:\n${JSON.stringify(figures, null, 2)}\n`)
    }
  })

  async function start() {
    baseDir = mkdtempSync(path.join(tmpdir(), 'funil-faults-'))
    /** The cluster runs as `postgres` when we are root: it must reach its directory. */
    chmodSync(baseDir, 0o755)
    redis = new OwnRedis(await freePort(6407), path.join(baseDir, 'redis'))
    postgres = postgresUnderTest(await freePort(5407), path.join(baseDir, 'pg'))
    figures.postgres = { kind: postgres.kind }
    await redis.start({ appendOnly: true })
    await postgres.init()
    const admin = new pg.Client({ connectionString: postgres.url() })
    await admin.connect()
    await admin.query(`CREATE DATABASE "${postgres.database}"`)
    await admin.end()

    const port = await freePort(Number(process.env.FAULTS_WEB_PORT ?? 3407))
    env = {
      DATABASE_URL: postgres.url(postgres.database),
      REDIS_URL: redis.url,
      QUEUE_PREFIX: 'funil-faults',
      PORT: String(port),
      HOST: '127.0.0.1',
      APP_URL: `http://localhost:${port}`,
      /** Production's throttle store: Redis, so its outage is part of the test. */
      LIMITER_STORE: 'redis',
      LOG_LEVEL: 'warn',
      /** A killed worker's batch is claimed back after 2 s instead of 30 s (shorter test). */
      EVENT_FLUSH_CLAIM_IDLE_MS: '2000',
    }
    await runAce(['migration:run', '--force', '--no-schema-generate'], env)
    await runAce(['demo:seed'], env)

    sql = new pg.Pool({ connectionString: env.DATABASE_URL, max: 4 })
    sql.on('error', () => {})
    const { rows } = await sql.query(
      `SELECT w.id AS workspace_id, f.id AS funnel_id,
              (SELECT id FROM funnel_steps s WHERE s.funnel_id = f.id ORDER BY order_index LIMIT 1) AS step_id,
              (SELECT id FROM funnel_steps s WHERE s.funnel_id = f.id AND step_type = 'checkout' LIMIT 1) AS checkout_step_id
         FROM workspaces w JOIN funnels f ON f.workspace_id = w.id
        WHERE w.slug = 'demo' AND f.slug = 'black-friday'`
    )
    demo = {
      workspaceId: rows[0].workspace_id,
      funnelId: rows[0].funnel_id,
      stepId: rows[0].step_id,
      checkoutStepId: rows[0].checkout_step_id,
    }

    web = new WebProcess(env)
    await web.start()
    /**
     * One visit and one checkout first: the code paths are loaded (and, from sources, compiled)
     * before any fault, as they are in a process that has been serving for a while.
     */
    await request({ port: web.port, path: '/black-friday', host: WORKSPACE_HOST })
    await postCheckout()
    worker = new WorkerProcess([], env)
    await worker.start()
  }

  test('a worker SIGKILLed in the middle of a flush: every accepted event once', async ({
    assert,
  }) => {
    const load = new BeaconLoad(target())
    /**
     * A backlog first (no worker): beacons, plus 20,000 events appended to the buffer as the
     * beacon endpoint does (several 2,000-event batches), so the new worker is killed while
     * it is writing them.
     */
    await worker.stop('SIGTERM')
    load.start()
    const synthetic = await appendToBuffer(20_000)
    await sleep(3000)
    for (const id of synthetic) {
      load.accepted.push(id)
      load.acceptedAt.set(id, Date.now())
    }
    const backlogIds = [...load.accepted]
    worker = new WorkerProcess([], env)
    await worker.start()
    const started = await waitUntil(
      async () => (await rowsPerEvent(backlogIds)).size > 0,
      30_000,
      20
    )
    assert.isNotNull(started, 'the worker began flushing the backlog')
    await worker.stop('SIGKILL')
    const storedAtKill = (await rowsPerEvent(backlogIds)).size

    worker = new WorkerProcess([], env)
    await worker.start()
    await sleep(3000)
    await load.stop()
    const result = await settle(load)
    figures['worker SIGKILL mid-flush'] = { ...result, backlog: backlogIds.length, storedAtKill }

    assert.isBelow(storedAtKill, backlogIds.length, 'killed with part of the backlog unwritten')
    assert.isAbove(result.accepted, 1000)
    assert.equal(result.lost, 0)
    assert.equal(result.duplicated, 0)
  }).timeout(180_000)

  test('Redis SIGKILLed and restarted from its AOF: refusals are fast 503s, nothing accepted is lost', async ({
    assert,
  }) => {
    const load = new BeaconLoad(target())
    load.start()
    await sleep(3000)

    await redis.kill('SIGKILL')
    const downAt = Date.now()
    await sleep(1500)
    const ready = await request({ port: web.port, path: '/health/ready' })
    const checkout = await postCheckout()
    const beaconWhileDown = await request({
      port: web.port,
      path: '/_funil/e',
      method: 'POST',
      host: WORKSPACE_HOST,
      headers: { 'content-type': 'text/plain', 'accept': 'application/json' },
      body: JSON.stringify({ events: [{ id: randomUUID(), type: 'page_view' }] }),
    })
    await sleep(1500)
    await redis.start({ appendOnly: true })
    const restartedAt = Date.now()
    const resumedMs = await flushResumesAfter(load, restartedAt)
    await sleep(2000)
    await load.stop()
    const result = await settle(load)
    figures['Redis SIGKILL + restart with AOF'] = {
      ...result,
      redisDownMs: restartedAt - downAt,
      healthReadyWhileDown: { status: ready.status, ms: Math.round(ready.ms) },
      checkoutWhileDown: { status: checkout.status, ms: Math.round(checkout.ms) },
      beaconWhileDown: { status: beaconWhileDown.status, body: beaconWhileDown.body },
      flushResumedMsAfterRestart: resumedMs,
    }

    if (result.lost) console.log(`worker output:\n${worker.output.slice(-6000)}`)
    assert.equal(ready.status, 503)
    assert.isBelow(ready.ms, 2000)
    /**
     * The PIX itself needs only PostgreSQL: the checkout may still create it (its poll and
     * expiry jobs are re-derived from PostgreSQL by the payments sweep) or say 503, but quickly.
     */
    assert.include([201, 503], checkout.status)
    assert.isBelow(checkout.ms, checkout.status === 503 ? 1000 : 3000, 'no wait on Redis')
    assert.equal(beaconWhileDown.status, 503)
    assert.equal(beaconWhileDown.headers['retry-after'], '5')
    assert.include(JSON.parse(beaconWhileDown.body).errors[0].message, 'Estamos com instabilidade')
    assert.isAbove(result.refused, 0, 'beacons were refused while Redis was down')
    assert.deepEqual(
      Object.keys(result.statuses).sort(),
      ['204', '503'],
      'only 204 and 503 answers'
    )
    assert.isBelow(result.slowestRefusalMs, 1000)
    assert.equal(result.refusalsWithoutRetryAfter, 0)
    assert.isNotNull(resumedMs, 'the flush resumed without restarting anything')
    assert.equal(result.lost, 0)
    assert.equal(result.duplicated, 0)
  }).timeout(180_000)

  test('Redis hung (SIGSTOP): beacons answer 503 within a second, /health/ready within 2 s, recovery by itself', async ({
    assert,
  }) => {
    const load = new BeaconLoad(target())
    load.start()
    await sleep(2000)

    redis.pause()
    const pausedAt = Date.now()
    await sleep(2000)
    const [ready, beacon] = await Promise.all([
      request({ port: web.port, path: '/health/ready' }),
      request({
        port: web.port,
        path: '/_funil/e',
        method: 'POST',
        host: WORKSPACE_HOST,
        headers: { 'content-type': 'text/plain', 'accept': 'application/json' },
        body: JSON.stringify({ events: [{ id: randomUUID(), type: 'page_view' }] }),
      }),
    ])
    await sleep(1000)
    redis.resume()
    const resumedAt = Date.now()
    const resumedMs = await flushResumesAfter(load, resumedAt)
    await sleep(2000)
    await load.stop()
    const result = await settle(load)
    figures['Redis hung (SIGSTOP)'] = {
      ...result,
      redisHungMs: resumedAt - pausedAt,
      healthReadyWhileHung: { status: ready.status, ms: Math.round(ready.ms) },
      beaconWhileHung: { status: beacon.status, ms: Math.round(beacon.ms) },
      flushResumedMsAfterResume: resumedMs,
    }

    /**
     * A hung Redis (unlike a dead one, refused at once) costs each command its timeout: the two
     * throttle reads (200 ms each, failing open) and the XADD (600 ms), so about a second.
     */
    assert.equal(beacon.status, 503)
    assert.isBelow(beacon.ms, 1500)
    assert.equal(beacon.headers['retry-after'], '5')
    assert.equal(ready.status, 503)
    assert.isBelow(ready.ms, 2000)
    assert.isBelow(result.slowestRefusalMs, 2000)
    assert.isNotNull(resumedMs, 'the flush resumed once Redis answered again')
    assert.equal(result.lost, 0)
    assert.equal(result.duplicated, 0)
  }).timeout(180_000)

  test('Redis restarted empty: schedules come back by themselves and a pending payment still expires', async ({
    assert,
  }) => {
    const created = await postCheckout()
    assert.equal(created.status, 201, created.body)
    const token = JSON.parse(created.body).payment.token
    /** Its expiry job (in Redis) is about to be wiped; it is due in 10 s. */
    await sql.query(
      `UPDATE payments SET expires_at = now() + interval '10 seconds',
              created_at = now() - interval '5 minutes'
        WHERE public_token = $1`,
      [token]
    )

    const before = new BeaconLoad(target())
    before.start()
    await sleep(3000)
    await before.stop()
    const beforeResult = await settle(before)

    await redis.kill('SIGKILL')
    redis.wipe()
    await redis.start({ appendOnly: true })
    const restartedAt = Date.now()
    const load = new BeaconLoad(target())
    load.start()
    const resumedMs = await flushResumesAfter(load, restartedAt)
    await sleep(2000)
    await load.stop()
    const result = await settle(load)

    const expiredMs = await waitUntil(
      async () => {
        const { rows } = await sql.query('SELECT status FROM payments WHERE public_token = $1', [
          token,
        ])
        return rows[0]?.status === 'expired'
      },
      180_000,
      1000
    )
    const { rows } = await sql.query(
      `SELECT count(*)::int AS n FROM payments
        WHERE status = 'pending' AND expires_at < now() - interval '5 seconds'`
    )
    figures['Redis restarted empty'] = {
      before: beforeResult,
      after: result,
      flushResumedMsAfterRestart: resumedMs,
      paymentExpiredMsAfterRestart: expiredMs === null ? null : Date.now() - restartedAt,
      pendingPastExpiry: rows[0].n,
    }

    assert.equal(beforeResult.lost, 0)
    assert.isNotNull(resumedMs, 'the flush schedule came back without restarting the worker')
    assert.isBelow(resumedMs!, 70_000)
    assert.equal(result.lost, 0)
    assert.equal(result.duplicated, 0)
    assert.isNotNull(expiredMs, 'the pending payment expired although its job was wiped')
    assert.equal(rows[0].n, 0, 'no pending payment left past its expiry')
  }).timeout(300_000)

  test('PostgreSQL stopped: beacons and visited pages keep working, checkout says 503 in pt-BR, nothing lost', async ({
    assert,
  }) => {
    const page = await request({ port: web.port, path: '/black-friday', host: WORKSPACE_HOST })
    assert.equal(page.status, 200)
    const load = new BeaconLoad(target())
    load.start()
    await sleep(2000)

    await postgres.stop('fast')
    const downAt = Date.now()
    await sleep(6000)
    const pageWhileDown = await request({
      port: web.port,
      path: '/black-friday',
      host: WORKSPACE_HOST,
    })
    const checkout = await postCheckout()
    const ready = await request({ port: web.port, path: '/health/ready' })
    const acceptedWhileDown = load.accepted.filter((id) => load.acceptedAt.get(id)! > downAt)
    await postgres.start()
    const restartedAt = Date.now()
    const resumedMs = await flushResumesAfter(load, downAt)
    await sleep(2000)
    await load.stop()
    const result = await settle(load)
    figures['PostgreSQL stopped 6 s'] = {
      ...result,
      acceptedWhilePostgresDown: acceptedWhileDown.length,
      pageWhileDown: { status: pageWhileDown.status, ms: Math.round(pageWhileDown.ms) },
      checkoutWhileDown: { status: checkout.status, ms: Math.round(checkout.ms) },
      healthReadyWhileDown: { status: ready.status, ms: Math.round(ready.ms) },
      flushResumedMsAfterRestart: resumedMs === null ? null : resumedMs - (restartedAt - downAt),
    }

    assert.isAbove(acceptedWhileDown.length, 100, 'beacons accepted while PostgreSQL was down')
    assert.equal(pageWhileDown.status, 200)
    assert.equal(checkout.status, 503)
    assert.isBelow(checkout.ms, 1000)
    assert.equal(checkout.headers['retry-after'], '5')
    assert.include(
      JSON.parse(checkout.body).errors[0].message,
      'Estamos com instabilidade, tente novamente em instantes'
    )
    assert.equal(ready.status, 503)
    assert.isBelow(ready.ms, 2000)
    assert.isNotNull(resumedMs, 'the flush resumed once PostgreSQL was back')
    assert.equal(result.lost, 0)
    assert.equal(result.duplicated, 0)
  }).timeout(180_000)
})

/** Events appended straight to the beacon buffer (the stream the endpoint XADDs to). */
async function appendToBuffer(count: number) {
  const client = new Redis(redis.url)
  const ids: string[] = []
  const now = new Date().toISOString()
  for (let start = 0; start < count; start += 2000) {
    const pipeline = client.pipeline()
    for (let i = start; i < Math.min(count, start + 2000); i++) {
      const id = randomUUID()
      ids.push(id)
      const event = {
        workspaceId: demo.workspaceId,
        sessionId: `faultsbacklog${String(i % 500).padStart(8, '0')}`,
        eventId: id,
        type: 'page_view',
        funnelId: demo.funnelId,
        stepId: demo.stepId,
        occurredAt: now,
        ip: '203.0.113.7',
        userAgent: 'fault suite',
        url: `https://${WORKSPACE_HOST}/black-friday`,
        referrer: null,
        data: {},
      }
      pipeline.xadd(`${env.QUEUE_PREFIX}:visitor-events`, '*', 'e', JSON.stringify(event))
    }
    const results = await pipeline.exec()
    if (results?.some(([error]) => error)) throw new Error('could not fill the buffer')
  }
  client.disconnect()
  return ids
}

/** A buyer's checkout submission (JSON, as the page's script sends it). */
function postCheckout() {
  return request({
    port: web.port,
    path: `/_funil/checkout/${demo.checkoutStepId}`,
    method: 'POST',
    host: WORKSPACE_HOST,
    headers: { 'content-type': 'application/json', 'accept': 'application/json' },
    body: JSON.stringify({
      name: 'Maria Souza',
      email: 'maria@example.com',
      phone: '11987654321',
      cpf: '52998224725',
    }),
  })
}
