import { test } from '@japa/runner'
import http from 'node:http'
import { randomBytes, randomUUID } from 'node:crypto'
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import env from '#start/env'
import { freshDatabase } from '#tests/helpers/database'
import { createTenant } from '#tests/helpers/tenants'
import { serverUrl } from '#tests/helpers/server'
import { siteRequest } from '#tests/helpers/site_client'
import { ServerProcess } from '#tests/helpers/server_process'
import { FunnelFactory } from '#database/factories/funnel_factory'
import { FunnelStepFactory } from '#database/factories/funnel_step_factory'
import { FACTORY_PASSWORD } from '#database/factories/user_factory'
import { EventBuffer } from '#services/event_buffer'
import queue from '#services/queue'
import ClearLoginLock from '#actions/auth/clear_login_lock'
import { route } from '#tests/helpers/routes'

const json = { 'content-type': 'application/json', 'accept': 'application/json' }

async function shop() {
  const tenant = await createTenant({ workspaceSlug: 'acme' })
  const funnel = await FunnelFactory.merge({
    workspaceId: tenant.workspace.id,
    slug: 'bf',
  }).create()
  const step = await FunnelStepFactory.merge({
    workspaceId: tenant.workspace.id,
    funnelId: funnel.id,
    orderIndex: 0,
    slug: 'captura',
  }).create()
  return { ...tenant, funnel, step }
}

function beacon(target: Awaited<ReturnType<typeof shop>>, cookie?: string) {
  return siteRequest('acme.localhost', '/_funil/e', {
    method: 'POST',
    headers: {
      'content-type': 'text/plain',
      'accept': 'application/json',
      ...(cookie ? { cookie: `fd_sid=${cookie}` } : {}),
    },
    body: JSON.stringify({
      events: [
        { id: randomUUID(), type: 'page_view', funnelId: target.funnel.id, stepId: target.step.id },
      ],
    }),
  })
}

/** Sends `count` requests one after the other; returns their statuses and the last response. */
async function burst<T extends { status: number }>(count: number, send: (i: number) => Promise<T>) {
  const statuses: number[] = []
  let last!: T
  for (let i = 0; i < count; i++) {
    last = await send(i)
    statuses.push(last.status)
  }
  return { statuses, last }
}

test.group('Throttles on every public write: 429 with Retry-After, never a 5xx', (group) => {
  freshDatabase(group)
  group.each.setup(async () => {
    await queue.connection().del(new EventBuffer().key)
  })

  test('beacons: 120 a minute per visitor; another visitor on the same IP goes on', async ({
    assert,
  }) => {
    const target = await shop()
    const visitor = randomBytes(18).toString('base64url')
    const { statuses, last } = await burst(121, () => beacon(target, visitor))
    assert.deepEqual([...new Set(statuses.slice(0, 120))], [204])
    assert.equal(last.status, 429)
    assert.isAbove(Number(last.headers['retry-after']), 0)
    assert.isAtMost(Number(last.headers['retry-after']), 60)
    assert.equal((await beacon(target, randomBytes(18).toString('base64url'))).status, 204)
  })

  test('beacons: 600 a minute per IP, whatever cookies the script makes up', async ({ assert }) => {
    const target = await shop()
    const { statuses, last } = await burst(601, () => beacon(target))
    assert.deepEqual([...new Set(statuses.slice(0, 600))], [204])
    assert.equal(last.status, 429)
    assert.match(String(last.headers['retry-after']), /^\d+$/)
    assert.deepEqual(JSON.parse(last.body).errors[0].rule, 'too_many_requests')
  })

  test('the capture form: 30 leads a minute per IP, then a pt-BR 429 with Retry-After', async ({
    assert,
  }) => {
    const target = await shop()
    const { statuses, last } = await burst(31, (i) =>
      siteRequest('acme.localhost', `/${target.funnel.slug}/${target.step.slug}`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', 'accept': 'text/html' },
        body: `name=Ana&email=ana${i}%40example.com&phone=11999998888`,
      })
    )
    assert.notInclude(statuses.slice(0, 30), 429)
    assert.isTrue(statuses.slice(0, 30).every((status) => status < 500))
    assert.equal(last.status, 429)
    assert.match(String(last.headers['retry-after']), /^\d+$/)
    assert.include(last.body, 'Muitas requisições')
  })

  test('the one-click upsell (a PIX charge too): 20 a minute per IP', async ({ assert }) => {
    await shop()
    const { statuses, last } = await burst(21, () =>
      siteRequest('acme.localhost', '/_funil/upsell/999/accept', {
        method: 'POST',
        headers: json,
        body: JSON.stringify({ payment: 'f'.repeat(32) }),
      })
    )
    assert.notInclude(statuses.slice(0, 20), 429)
    assert.isTrue(statuses.every((status) => status < 500))
    assert.equal(last.status, 429)
    assert.isAbove(Number(last.headers['retry-after']), 0)
  })

  test('checkout and CPF lookup answer their 429 with Retry-After', async ({ assert }) => {
    await shop()
    const { last } = await burst(31, () =>
      siteRequest('acme.localhost', '/_funil/cpf', {
        method: 'POST',
        headers: json,
        body: JSON.stringify({ cpf: '123' }),
      })
    )
    assert.equal(last.status, 429)
    assert.isAbove(Number(last.headers['retry-after']), 0)
  })
})

test.group('Login lock: per account and IP, in minutes, lifted by ClearLoginLock', (group) => {
  freshDatabase(group)

  const login = (email: string, password: string, headers: Record<string, string> = {}) =>
    fetch(`${serverUrl()}/api/auth/login`, {
      method: 'POST',
      headers: { ...json, ...headers },
      body: JSON.stringify({ email, password }),
    })

  test('five wrong passwords lock the account at that IP for 15 minutes, right password included', async ({
    assert,
  }) => {
    const { owner } = await createTenant()
    for (let i = 0; i < 5; i++) assert.equal((await login(owner.email, 'wrong')).status, 400)
    const locked = await login(owner.email, FACTORY_PASSWORD)
    assert.equal(locked.status, 429)
    assert.closeTo(Number(locked.headers.get('retry-after')), 900, 5)
    assert.deepEqual(((await locked.json()) as any).errors, [
      {
        field: 'email',
        rule: 'too_many_attempts',
        message: 'Muitas tentativas. Tente novamente em 15 minutos.',
      },
    ])
    // Upper case and spaces are the same account.
    assert.equal((await login(` ${owner.email.toUpperCase()}`, FACTORY_PASSWORD)).status, 429)
  })

  test('a guesser at another IP does not lock the owner out', async ({ assert }) => {
    const { owner } = await createTenant()
    for (let i = 0; i < 6; i++) await login(owner.email, 'wrong')
    assert.equal((await login(owner.email, FACTORY_PASSWORD)).status, 429)

    /** The owner's own address, as forwarded by the trusted proxy (127.0.0.2 in .env.test). */
    const status = await new Promise<number>((resolve, reject) => {
      const request = http.request(
        `${serverUrl()}/api/auth/login`,
        {
          method: 'POST',
          localAddress: '127.0.0.2',
          headers: { ...json, 'x-forwarded-for': '198.51.100.20' },
        },
        (response) => {
          response.resume()
          resolve(response.statusCode!)
        }
      )
      request.on('error', reject)
      request.end(JSON.stringify({ email: owner.email, password: FACTORY_PASSWORD }))
    })
    assert.equal(status, 200)
  })

  test('the admin login form shows the lock in minutes with Retry-After', async ({
    client,
    assert,
  }) => {
    const { owner } = await createTenant()
    for (let i = 0; i < 5; i++) await login(owner.email, 'wrong')
    const response = await client
      .post(route('session.store'))
      .withCsrfToken()
      .redirects(0)
      .form({ email: owner.email, password: FACTORY_PASSWORD })
    assert.equal(response.status(), 302)
    assert.closeTo(Number(response.header('retry-after')), 900, 5)
    assert.deepEqual(response.flashMessages().inputErrorsBag, {
      email: ['Muitas tentativas. Tente novamente em 15 minutos.'],
    })
  })

  test('ClearLoginLock (what a password reset calls) lets the owner in at once', async ({
    assert,
  }) => {
    const { owner } = await createTenant()
    for (let i = 0; i < 5; i++) await login(owner.email, 'wrong')
    assert.equal((await login(owner.email, FACTORY_PASSWORD)).status, 429)
    await ClearLoginLock.handle({ email: owner.email.toUpperCase(), ip: '127.0.0.1' })
    assert.equal((await login(owner.email, FACTORY_PASSWORD)).status, 200)
  })

  test('a right password forgets the wrong ones', async ({ assert }) => {
    const { owner } = await createTenant()
    for (let i = 0; i < 4; i++) await login(owner.email, 'wrong')
    assert.equal((await login(owner.email, FACTORY_PASSWORD)).status, 200)
    for (let i = 0; i < 4; i++) assert.equal((await login(owner.email, 'wrong')).status, 400)
    assert.equal((await login(owner.email, FACTORY_PASSWORD)).status, 200)
  })
})

/**
 * The production limiter store (Redis), in a server of its own over a Redis of our own that the
 * test stops: while it is up the throttle counts in Redis; once it is down throttled routes and
 * the login still answer (let through, logged), never a 5xx.
 */
const hasRedisServer = spawnSync('redis-server', ['--version']).status === 0

test.group('Throttles on the Redis store, and with Redis down', (group) => {
  freshDatabase(group)
  const redisPort = Number(env.get('PORT', 3334)) + 3000
  let redisServer: ChildProcess | undefined
  const server = new ServerProcess({
    REDIS_URL: `redis://127.0.0.1:${redisPort}/0`,
    LIMITER_STORE: 'redis',
    SESSION_DRIVER: 'memory',
  })

  group.setup(async () => {
    if (!hasRedisServer) return () => {}
    redisServer = spawn(
      'redis-server',
      ['--port', String(redisPort), '--save', '', '--appendonly', 'no', '--bind', '127.0.0.1'],
      { stdio: 'ignore' }
    )
    await new Promise((resolve) => setTimeout(resolve, 300))
    await server.start()
    return async () => {
      await server.stop()
      if (redisServer?.exitCode === null) redisServer.kill('SIGKILL')
    }
  })

  /** node:http, not fetch: fetch does not let a caller set Host. */
  const cpf = () =>
    new Promise<{ status: number }>((resolve, reject) => {
      const request = http.request(
        `${server.url}/_funil/cpf`,
        { method: 'POST', headers: { ...json, host: `acme.localhost:${server.port}` } },
        (response) => {
          response.resume()
          resolve({ status: response.statusCode! })
        }
      )
      request.on('error', reject)
      request.end(JSON.stringify({ cpf: '123' }))
    })

  test('counts in Redis, then lets requests through when Redis is gone', async ({ assert }) => {
    const { owner } = await shop()
    const statuses: number[] = []
    for (let i = 0; i < 31; i++) statuses.push((await cpf()).status)
    assert.notInclude(statuses.slice(0, 30), 429)
    assert.equal(statuses[30], 429, 'the Redis store throttles')

    redisServer!.kill('SIGKILL')
    await new Promise((resolve) => redisServer!.once('exit', resolve))

    const started = Date.now()
    const down = await cpf()
    assert.equal(down.status, 200, 'let through, not a 5xx')
    const loginResponse = await fetch(`${server.url}/api/auth/login`, {
      method: 'POST',
      headers: json,
      body: JSON.stringify({ email: owner.email, password: 'wrong' }),
    })
    assert.equal(loginResponse.status, 400, 'the login still checks the password')
    assert.isBelow(Date.now() - started, 5_000, 'no waiting on the dead store')
  })
    .timeout(90_000)
    .skip(!hasRedisServer, 'needs the redis-server binary (apt-get install redis-server)')
})
