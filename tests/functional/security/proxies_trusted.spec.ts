import { test } from '@japa/runner'
import http from 'node:http'
import { randomUUID } from 'node:crypto'
import db from '@adonisjs/lucid/services/db'
import { freshDatabase } from '#tests/helpers/database'
import { createTenant } from '#tests/helpers/tenants'
import { serverUrl } from '#tests/helpers/server'
import { FunnelFactory } from '#database/factories/funnel_factory'
import { FunnelStepFactory } from '#database/factories/funnel_step_factory'
import { publish } from '#tests/helpers/publish'
import { EventBuffer } from '#services/event_buffer'
import { normalizeIp } from '#services/client_ip'
import FlushVisitorEvents from '#actions/tracking/flush_visitor_events'
import Visitor from '#models/visitor'
import queue from '#services/queue'
import Payment from '#models/payment'
import { BUYER, emptyQueues, sellingFunnel } from '#tests/functional/payments/helpers'
import { route } from '#tests/helpers/routes'

/**
 * .env.test trusts 127.0.0.2 as a proxy (TRUSTED_PROXIES) and nothing else: the usual test
 * client (127.0.0.1) is "the internet", a request bound to 127.0.0.2 is "our load balancer".
 */
const PROXY = '127.0.0.2'
const DIRECT = '127.0.0.1'

interface Reply {
  status: number
  headers: http.IncomingHttpHeaders
  body: string
}

function send(
  from: string,
  path: string,
  options: { method?: string; headers?: Record<string, string>; body?: string } = {}
) {
  return new Promise<Reply>((resolve, reject) => {
    const request = http.request(
      new URL(path, serverUrl()),
      { method: options.method ?? 'GET', localAddress: from, headers: options.headers },
      (response) => {
        let body = ''
        response.setEncoding('utf8')
        response.on('data', (chunk) => (body += chunk))
        response.on('end', () =>
          resolve({ status: response.statusCode!, headers: response.headers, body })
        )
      }
    )
    request.on('error', reject)
    request.end(options.body)
  })
}

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
  }).create()
  await publish(funnel)
  return { ...tenant, funnel, step }
}

/** A page_view beacon from `from` with extra headers, flushed; returns the stored visitor IP. */
async function storedIp(
  from: string,
  target: Awaited<ReturnType<typeof shop>>,
  headers: Record<string, string>
) {
  const response = await send(from, '/_funil/e', {
    method: 'POST',
    headers: { 'host': 'acme.localhost', 'content-type': 'text/plain', ...headers },
    body: JSON.stringify({
      events: [
        { id: randomUUID(), type: 'page_view', funnelId: target.funnel.id, stepId: target.step.id },
      ],
    }),
  })
  if (response.status !== 204) throw new Error(`beacon answered ${response.status}`)
  await FlushVisitorEvents.handle()
  const visitor = await Visitor.query()
    .where('workspace_id', target.workspace.id)
    .orderBy('id', 'desc')
    .firstOrFail()
  return visitor.ipAddress
}

test.group('Security: forwarded headers only from TRUSTED_PROXIES', (group) => {
  freshDatabase(group)
  group.each.setup(async () => {
    await queue.connection().del(new EventBuffer().key)
  })

  test('a direct client cannot choose its IP: X-Forwarded-For is ignored and the socket stored', async ({
    assert,
  }) => {
    const target = await shop()
    assert.equal(await storedIp(DIRECT, target, { 'x-forwarded-for': '203.0.113.9' }), '127.0.0.1')
  })

  test('behind a trusted proxy the first untrusted hop is the client; junk is stored as null', async ({
    assert,
  }) => {
    const target = await shop()
    assert.equal(
      await storedIp(PROXY, target, { 'x-forwarded-for': '198.51.100.7, 203.0.113.9' }),
      '203.0.113.9',
      'the hop the proxy saw, not what the client prepended'
    )
    assert.equal(
      await storedIp(PROXY, target, { 'x-forwarded-for': '::ffff:203.0.113.10' }),
      '203.0.113.10'
    )
    assert.isNull(await storedIp(PROXY, target, { 'x-forwarded-for': 'not-an-ip' }))
    assert.isNull(
      await storedIp(PROXY, target, { 'x-forwarded-for': `1.2.3.4'); drop table x;--` })
    )
    const [{ count }] = await db.from('visitors').count('* as count')
    assert.equal(Number(count), 4)
  })

  test('the IP a payment keeps for UTMify, Meta and TikTok is the real client', async ({
    assert,
  }) => {
    await emptyQueues()
    const { workspace } = await createTenant({ workspaceSlug: 'loja' })
    const funnel = await sellingFunnel(workspace)
    const checkout = (from: string, forwardedFor: string) =>
      send(from, `/_funil/checkout/${funnel.checkout.id}`, {
        method: 'POST',
        headers: {
          'host': 'loja.localhost',
          'content-type': 'application/json',
          'accept': 'application/json',
          'x-forwarded-for': forwardedFor,
        },
        body: JSON.stringify({ ...BUYER, bumps: [] }),
      })
    assert.equal((await checkout(DIRECT, '203.0.113.50')).status, 201)
    assert.equal((await checkout(PROXY, '203.0.113.51')).status, 201)
    assert.equal((await checkout(PROXY, 'garbage')).status, 201)
    const ips = (await Payment.query().where('workspace_id', workspace.id).orderBy('id')).map(
      (payment) => payment.attribution?.ip_address ?? null
    )
    assert.deepEqual(ips, ['127.0.0.1', '203.0.113.51', null])
  })

  test('a spoofed X-Forwarded-For does not reset the CPF lookup throttle', async ({ assert }) => {
    await shop()
    const statuses: number[] = []
    for (let i = 0; i < 31; i++) {
      const response = await send(DIRECT, '/_funil/cpf', {
        method: 'POST',
        headers: {
          'host': 'acme.localhost',
          'content-type': 'application/json',
          'accept': 'application/json',
          'x-forwarded-for': `203.0.113.${i + 1}`,
        },
        body: JSON.stringify({ cpf: '123' }),
      })
      statuses.push(response.status)
    }
    assert.notInclude(statuses.slice(0, 30), 429)
    assert.equal(statuses[30], 429)
  })

  test('the admin, the API, health and Transmit never answer on a workspace host, whatever X-Forwarded-Host says', async ({
    assert,
  }) => {
    await shop()
    const paths = [
      ['GET', route('session.create')],
      ['GET', '/'],
      ['GET', route('api.auth.me')],
      ['POST', route('api.auth.login')],
      ['GET', route('health.live')],
      ['GET', route('health.ready')],
      ['GET', `/__transmit/events?uid=${randomUUID()}`],
      ['POST', '/__transmit/subscribe'],
    ]
    const spoofs: Array<[string, Record<string, string>]> = [
      [DIRECT, { 'host': 'acme.localhost', 'x-forwarded-host': 'localhost' }],
      [DIRECT, { 'host': 'acme.localhost', 'x-forwarded-host': 'localhost:3334' }],
      // A proxy that appends: the client's own value first, the real host last.
      [PROXY, { 'host': 'localhost', 'x-forwarded-host': 'localhost, acme.localhost' }],
      [PROXY, { 'host': 'localhost', 'x-forwarded-host': 'acme.localhost' }],
    ]
    for (const [from, headers] of spoofs) {
      for (const [method, path] of paths) {
        const response = await send(from, path, {
          method,
          headers: { 'accept': 'application/json', 'content-type': 'application/json', ...headers },
          body: method === 'POST' ? '{}' : undefined,
        })
        assert.equal(
          response.status,
          404,
          `${method} ${path} from ${from} ${JSON.stringify(headers)}`
        )
      }
    }
  })

  test('a trusted proxy names the host; the same header from a direct client is ignored', async ({
    assert,
  }) => {
    const target = await shop()
    const page = `/${target.funnel.slug}/${target.step.slug}`
    const viaProxy = await send(PROXY, page, {
      headers: { 'host': 'internal:3334', 'x-forwarded-host': 'acme.localhost' },
    })
    assert.equal(viaProxy.status, 200, 'the proxy forwarded the workspace host')
    assert.equal(
      (
        await send(PROXY, route('session.create'), {
          headers: { 'host': 'internal', 'x-forwarded-host': 'localhost' },
        })
      ).status,
      200,
      'the admin behind the proxy'
    )
    const direct = await send(DIRECT, page, {
      headers: { 'host': 'localhost', 'x-forwarded-host': 'acme.localhost' },
    })
    assert.equal(direct.status, 404, 'a direct client gets the admin host it asked for')
  })
})

test.group('Security: client IP normalisation', () => {
  test('only valid IPs, in canonical form', ({ assert }) => {
    assert.equal(normalizeIp('203.0.113.9'), '203.0.113.9')
    assert.equal(normalizeIp(' ::ffff:203.0.113.9 '), '203.0.113.9')
    assert.equal(normalizeIp('[2001:DB8:0:0::1]'), '2001:db8::1')
    assert.isNull(normalizeIp('999.1.1.1'))
    assert.isNull(normalizeIp('unknown'))
    assert.isNull(normalizeIp(''))
    assert.isNull(normalizeIp(undefined))
    assert.isNull(normalizeIp('1.2.3.4, 5.6.7.8'))
  })
})
