import { test } from '@japa/runner'
import fc from 'fast-check'
import { randomBytes } from 'node:crypto'
import { PaymentFactory } from '#database/factories/payment_factory'
import { isIP } from 'node:net'
import db from '@adonisjs/lucid/services/db'
import limiter from '@adonisjs/limiter/services/main'
import { freshDatabase } from '#tests/helpers/database'
import { createTenant } from '#tests/helpers/tenants'
import { serverUrl } from '#tests/helpers/server'
import { BUYER, emptyQueues, sellingFunnel } from '#tests/functional/payments/helpers'
import {
  fuzzRequest,
  send,
  type Endpoint,
  type FuzzTarget,
  type FuzzResponse,
} from '#tests/helpers/public_fuzz'
import { EventBuffer } from '#services/event_buffer'
import FlushVisitorEvents from '#actions/tracking/flush_visitor_events'
import queue from '#services/queue'

/** A workspace with a capture → checkout → upsell → thank-you funnel, as the fuzz aims at. */
async function fuzzTarget(slug = 'acme'): Promise<FuzzTarget> {
  const { workspace } = await createTenant({ workspaceSlug: slug })
  const { funnel, steps } = await sellingFunnel(workspace)
  await steps.capture
    .merge({ content: { ...steps.capture.content, fields: ['name', 'email', 'phone'] } })
    .save()
  const parent = await PaymentFactory.merge({
    workspaceId: workspace.id,
    funnelId: funnel.id,
    stepId: steps.checkout.id,
    publicToken: randomBytes(16).toString('hex'),
  })
    .apply('paid')
    .create()
  return {
    upsellToken: parent.publicToken,
    host: `${slug}.localhost`,
    funnelSlug: funnel.slug,
    captureSlug: steps.capture.slug,
    captureStepId: steps.capture.id,
    checkoutStepId: steps.checkout.id,
    upsellStepId: steps.upsell.id,
    funnelId: funnel.id,
    webhookToken: workspace.webhookToken,
  }
}

/** After the requests: the real flush drains everything, and nothing accepted was refused. */
async function flushAndCheck(assert: any, acceptedEventIds: Set<string>) {
  const buffer = new EventBuffer()
  await FlushVisitorEvents.handle({ claimIdleMs: 0 })
  assert.equal(await buffer.backlog(), 0, 'no entry stuck in the stream')
  const pending = (await queue.connection().xpending(buffer.key, 'flushers')) as [number]
  assert.equal(pending[0], 0, 'no entry left pending')
  const dead = await buffer.dead()
  assert.deepEqual(
    dead.map((entry) => entry.error),
    [],
    'PostgreSQL refused nothing that the edge accepted'
  )
  if (acceptedEventIds.size) {
    const rows = await db
      .from('visitor_events')
      .whereIn('event_id', [...acceptedEventIds])
      .select('event_id')
    assert.equal(rows.length, acceptedEventIds.size, 'every accepted beacon event is stored')
  }
}

test.group('Fuzz: every public endpoint, random bodies', (group) => {
  freshDatabase(group)
  group.each.setup(async () => {
    const buffer = new EventBuffer()
    await queue.connection().del(buffer.key, buffer.deadKey)
    await emptyQueues()
  })
  group.each.timeout(120_000)

  test('random JSON, forms and garbage: a 4xx or stored, never a 5xx, never stuck', async ({
    assert,
  }) => {
    const target = await fuzzTarget()
    const acceptedEventIds = new Set<string>()
    const statuses: Record<string, number> = {}
    const seed = Number(process.env.FUZZ_SEED ?? Date.now() % 1_000_000)
    let lastFailure = ''

    await fc
      .assert(
        fc.asyncProperty(fuzzRequest(target), async (request) => {
          /** The throttles are not under test here (tests/functional/security covers them). */
          await limiter.clear(['memory'])
          const response = await send(serverUrl(), request)
          const key = `${request.endpoint} ${response.status}`
          statuses[key] = (statuses[key] ?? 0) + 1
          if (response.status === 204) request.eventIds.forEach((id) => acceptedEventIds.add(id))
          /** 0 is a hung or dropped request. */
          const ok = response.status >= 200 && response.status < 500
          if (!ok) lastFailure = `${key}: ${response.body.slice(0, 300)}`
          return ok
        }),
        { numRuns: Number(process.env.FUZZ_RUNS ?? 400), seed, endOnFailure: true }
      )
      .catch((error) => {
        throw new Error(`${lastFailure}\n${error.message}`)
      })

    /** Every endpoint was reached, and took some inputs in (the happy paths ran too). */
    const endpoints = new Set(Object.keys(statuses).map((key) => key.split(' ')[0]))
    assert.sameMembers(
      [...endpoints],
      ['beacon', 'capture', 'checkout', 'cpf', 'upsell', 'webhook']
    )
    assert.isAbove(acceptedEventIds.size, 0)
    await flushAndCheck(assert, acceptedEventIds)
  })

  test("the issue's vectors: each answered 4xx or stored clean", async ({ assert }) => {
    const target = await fuzzTarget()
    const base = { 'host': target.host, 'user-agent': 'fuzz/1.0' }
    const json = { ...base, 'content-type': 'application/json', 'accept': 'application/json' }
    const text: Record<string, string> = { ...base, 'content-type': 'text/plain;charset=UTF-8' }
    const form = { ...base, 'content-type': 'application/x-www-form-urlencoded' }
    const post = (
      endpoint: Endpoint,
      path: string,
      headers: Record<string, string>,
      body: string | Buffer
    ) =>
      send(serverUrl(), {
        endpoint,
        path,
        headers,
        body: Buffer.isBuffer(body) ? body : Buffer.from(body, 'utf8'),
        eventIds: [],
      })
    const beacon = (event: Record<string, unknown>, headers = text) =>
      post('beacon', '/_funil/e', headers, JSON.stringify({ events: [event] }))
    const id = () => crypto.randomUUID()
    const expect = (response: FuzzResponse, status: number, what: string) =>
      assert.equal(response.status, status, `${what}: ${response.body.slice(0, 200)}`)

    const clean = {
      xff: id(),
      nulUrl: id(),
      nulReferrer: id(),
      nulData: id(),
      surrogate: id(),
    }
    expect(
      await beacon({ id: clean.xff, type: 'page_view' }, { ...text, 'x-forwarded-for': 'unknown' }),
      204,
      'X-Forwarded-For: unknown'
    )
    expect(
      await beacon({ id: clean.nulUrl, type: 'page_view', url: 'https://acme.localhost/a\u0000b' }),
      204,
      'NUL in url'
    )
    expect(
      await beacon({ id: clean.nulReferrer, type: 'page_view', referrer: 'https://x.com/\u0000' }),
      204,
      'NUL in referrer'
    )
    expect(
      await beacon({ id: clean.nulData, type: 'leave', data: { 'k\u0000': 'v\u0000' } }),
      204,
      'NUL in data'
    )
    expect(
      await beacon({
        id: clean.surrogate,
        type: 'page_view',
        url: 'https://acme.localhost/\ud800',
      }),
      204,
      'lone surrogate'
    )
    /** What was buffered is already clean: the edge did it, not (only) the flush. */
    const buffer = new EventBuffer()
    const buffered = (await queue.connection().xrange(buffer.key, '-', '+')) as Array<
      [string, string[]]
    >
    assert.lengthOf(buffered, 5)
    for (const [, fields] of buffered) {
      assert.notInclude(fields[1], '\\u0000')
      assert.notMatch(fields[1], /\\ud[89ab]/i)
      const ip = JSON.parse(fields[1]).ip
      assert.isTrue(ip === null || isIP(ip) > 0, `stored IP ${ip}`)
    }

    expect(
      await beacon({ id: id(), type: 'page_view', funnelId: 2147483648 }),
      422,
      'funnelId 2^31'
    )
    expect(await beacon({ id: id(), type: 'page_view', stepId: 1e15 }), 422, 'stepId 1e15')
    expect(
      await beacon({ id: id(), type: 'page_view', stepId: { toString: 1 } }, json),
      422,
      '{"toString":1} as a number'
    )
    expect(
      await beacon(
        { id: id(), type: 'page_view', funnelId: { valueOf: 1 } },
        { ...json, accept: 'text/html' }
      ),
      422,
      '{"valueOf":1} as a number (HTML answer)'
    )
    expect(
      await post(
        'beacon',
        '/_funil/e',
        text,
        `{"events":[{"id":"${id()}","type":"page_view","data":${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}}]}`
      ),
      422,
      'data nested 10,000 levels'
    )
    expect(
      await beacon({
        id: id(),
        type: 'page_view',
        data: { a: { b: { c: { d: { e: { f: 1 } } } } } },
      }),
      422,
      'data 6 levels deep'
    )
    expect(
      await beacon({ id: id(), type: 'page_view', data: { blob: 'x'.repeat(5000) } }),
      422,
      'data > 4 KB'
    )
    expect(
      await beacon({ id: id(), type: 'page_view', url: 'x'.repeat(70_000) }),
      413,
      'beacon > 64 KB'
    )
    expect(
      await post('beacon', '/_funil/e', { ...json, 'content-encoding': 'gzip' }, '{"events":[]}'),
      400,
      'gzip header on a plain body'
    )
    expect(
      await post('beacon', '/_funil/e', { ...json, 'content-encoding': 'zzz' }, '{"events":[]}'),
      415,
      'unknown Content-Encoding'
    )
    expect(
      await post('cpf', '/_funil/cpf', json, '{"cpf":{"toString":1}}'),
      200,
      '{"toString":1} as CPF'
    )
    expect(
      await post(
        'checkout',
        `/_funil/checkout/${target.checkoutStepId}`,
        json,
        JSON.stringify({ ...BUYER, cpf: { toString: 1 } })
      ),
      422,
      '{"toString":1} as the checkout CPF'
    )
    expect(
      await post(
        'checkout',
        '/_funil/checkout/2147483648',
        { ...form, accept: 'text/html' },
        'name=Maria'
      ),
      404,
      'checkout step beyond int4'
    )
    expect(
      await post('upsell', '/_funil/upsell/99999999999/accept', json, '{"payment":{"toString":1}}'),
      404,
      'upsell step beyond int4'
    )

    const checkout = await post(
      'checkout',
      `/_funil/checkout/${target.checkoutStepId}`,
      json,
      JSON.stringify({
        ...BUYER,
        name: 'Maria\u0000 da Silva',
        email: 'maria\ud800@exemplo.com.br',
      })
    )
    assert.oneOf(checkout.status, [201, 422], checkout.body)
    if (checkout.status === 201) {
      const payment = await db.from('payments').orderBy('id', 'desc').firstOrFail()
      assert.notInclude(JSON.stringify(payment), '\u0000')
    }

    const capture = await post(
      'capture',
      `/${target.funnelSlug}/${target.captureSlug}`,
      form,
      'name=Jo%00ao&email=joao%40exemplo.com.br&phone=11912345678'
    )
    expect(capture, 303, 'name=Jo%00ao')
    assert.notInclude(capture.body + '', 'erro=1')

    const webhook = await post(
      'webhook',
      `/api/payments/webhook?token=${target.webhookToken}`,
      { 'host': '127.0.0.1', 'content-type': 'application/json' },
      '{"id":"tr_\\u0000abc","status":"paid"}'
    )
    expect(webhook, 200, 'NUL in a webhook transaction id')
    const inbox = await db.from('webhook_events').orderBy('id', 'desc').firstOrFail()
    assert.equal(inbox.external_id, 'tr_abc')

    await flushAndCheck(assert, new Set(Object.values(clean)))
    const stored = await db
      .from('visitor_events')
      .whereIn('event_id', [clean.nulUrl, clean.surrogate])
      .orderBy('id')
      .select('event_data')
    assert.deepEqual(
      stored.map((row) => row.event_data.url),
      ['https://acme.localhost/ab', 'https://acme.localhost/\ufffd']
    )
    const lead = await db.from('visitors').whereRaw(`lead->>'name' IS NOT NULL`).firstOrFail()
    assert.equal(lead.lead.name, 'Joao')
  })
})
