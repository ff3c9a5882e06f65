import { test } from '@japa/runner'
import { randomUUID } from 'node:crypto'
import db from '@adonisjs/lucid/services/db'
import { freshDatabase } from '#tests/helpers/database'
import { apiToken, createTenant } from '#tests/helpers/tenants'
import { SseClient } from '#tests/helpers/sse_client'
import { serverUrl } from '#tests/helpers/server'
import { FunnelFactory } from '#database/factories/funnel_factory'
import { FunnelStepFactory } from '#database/factories/funnel_step_factory'
import { EventBuffer } from '#services/event_buffer'
import FlushVisitorEvents from '#actions/tracking/flush_visitor_events'
import Visitor from '#models/visitor'
import VisitorEvent from '#models/visitor_event'
import queue from '#services/queue'

async function tenantWithFunnel(slug = 'acme') {
  const tenant = await createTenant({ workspaceSlug: slug })
  const funnel = await FunnelFactory.merge({
    workspaceId: tenant.workspace.id,
    slug: 'bf',
  }).create()
  const [capture, checkout] = await Promise.all([
    FunnelStepFactory.merge({
      workspaceId: tenant.workspace.id,
      funnelId: funnel.id,
      orderIndex: 0,
    }).create(),
    FunnelStepFactory.merge({
      workspaceId: tenant.workspace.id,
      funnelId: funnel.id,
      orderIndex: 1,
    })
      .apply('checkout')
      .create(),
  ])
  return { ...tenant, funnel, capture, checkout }
}

/** A raw HTTP beacon with a Host header, as a browser on a workspace host sends it. */
async function sendBeacon(host: string, body: unknown, raw?: string, cookie?: string) {
  const { request } = await import('node:http')
  return new Promise<{ status: number; headers: Headers }>((resolve, reject) => {
    const url = new URL('/_funil/e', serverUrl())
    const req = request(
      url,
      {
        method: 'POST',
        headers: {
          'host': host,
          'content-type': 'text/plain;charset=UTF-8',
          'user-agent': 'Mozilla/5.0 (iPhone)',
          'accept': 'application/json',
          ...(cookie ? { cookie: `fd_sid=${cookie}` } : {}),
        },
      },
      (res) => {
        res.resume()
        res.on('end', () => {
          const headers = new Headers()
          for (const [name, value] of Object.entries(res.headers)) {
            if (value !== undefined)
              headers.set(name, Array.isArray(value) ? value.join(', ') : value)
          }
          resolve({ status: res.statusCode!, headers })
        })
      }
    )
    req.on('error', reject)
    req.end(raw ?? JSON.stringify(body))
  })
}

/** The visitor cookie a beacon response set. */
function visitorCookie(response: { headers: Headers }) {
  return /fd_sid=([\w-]+)/.exec(response.headers.get('set-cookie') ?? '')![1]
}

function event(type: string, extra: Record<string, unknown> = {}) {
  return { id: randomUUID(), type, ...extra }
}

test.group('Tracking: beacon ingestion', (group) => {
  freshDatabase(group)
  group.each.setup(async () => {
    await queue.connection().del(new EventBuffer().key)
  })

  test('a beacon is only buffered in the request, then flushed with first-touch attribution', async ({
    assert,
  }) => {
    const { workspace, funnel, capture } = await tenantWithFunnel()
    const landing =
      'https://acme.localhost/bf/captura?utm_source=facebook&utm_campaign=bf24&fbclid=abc&src=ads'
    // What navigator.sendBeacon sends: JSON as text/plain, over plain HTTP.
    const response = await sendBeacon('acme.localhost:3334', {
      events: [event('page_view', { funnelId: funnel.id, stepId: capture.id, url: landing })],
    })
    assert.equal(response.status, 204)
    assert.match(response.headers.get('set-cookie') ?? '', /^fd_sid=[\w-]{16,};/)
    assert.notMatch(
      response.headers.get('set-cookie') ?? '',
      /session|XSRF/,
      'no session on the public side'
    )
    assert.lengthOf(
      await Visitor.query().where('workspace_id', workspace.id),
      0,
      'no SQL in the request'
    )
    assert.equal(await new EventBuffer().backlog(), 1)

    const { flushed } = await FlushVisitorEvents.handle()
    assert.equal(flushed, 1)
    const visitor = await Visitor.query().where('workspace_id', workspace.id).firstOrFail()
    assert.equal(visitor.utmSource, 'facebook')
    assert.equal(visitor.utmCampaign, 'bf24')
    assert.equal(visitor.fbclid, 'abc')
    assert.equal(visitor.src, 'ads')
    assert.equal(visitor.currentStepId, capture.id)
    assert.equal(visitor.userAgent, 'Mozilla/5.0 (iPhone)')
    assert.isTrue(visitor.isOnline)
    const events = await VisitorEvent.query().where('visitor_id', visitor.id)
    assert.deepEqual(
      events.map((e) => e.eventType),
      ['page_view']
    )
    assert.equal(await new EventBuffer().backlog(), 0)
  })

  test('attribution of the first landing survives later URLs; the cookie keeps one visitor', async ({
    assert,
  }) => {
    const { workspace, funnel, capture, checkout } = await tenantWithFunnel()
    const first = await sendBeacon('acme.localhost', {
      events: [
        event('page_view', {
          funnelId: funnel.id,
          stepId: capture.id,
          url: 'https://acme.localhost/bf?utm_source=tiktok&utm_medium=cpc&ttclid=t1',
        }),
      ],
    })
    const cookie = visitorCookie(first)
    await FlushVisitorEvents.handle()
    const second = await sendBeacon(
      'acme.localhost',
      {
        events: [
          event('checkout_view', {
            funnelId: funnel.id,
            stepId: checkout.id,
            url: 'https://acme.localhost/bf/checkout?utm_source=google&gclid=g1',
          }),
          event('heartbeat', { funnelId: funnel.id, stepId: checkout.id }),
        ],
      },
      undefined,
      cookie
    )
    assert.isNull(second.headers.get('set-cookie'), 'a known visitor keeps its cookie')
    await FlushVisitorEvents.handle()

    const visitors = await Visitor.query().where('workspace_id', workspace.id)
    assert.lengthOf(visitors, 1)
    assert.equal(visitors[0].sessionId, cookie)
    assert.equal(visitors[0].utmSource, 'tiktok')
    assert.equal(visitors[0].utmMedium, 'cpc')
    assert.equal(visitors[0].ttclid, 't1')
    assert.isNull(visitors[0].gclid)
    assert.equal(visitors[0].currentStepId, checkout.id)
    const types = (
      await VisitorEvent.query().where('visitor_id', visitors[0].id).orderBy('id')
    ).map((e) => e.eventType)
    assert.deepEqual(types, ['page_view', 'checkout_view'], 'heartbeats move presence only')
  })

  test("another workspace's funnel or step ids are dropped, not trusted", async ({
    client,
    assert,
  }) => {
    const { workspace } = await tenantWithFunnel('acme')
    const other = await tenantWithFunnel('beta')
    await client
      .post('/_funil/e')
      .header('host', 'acme.localhost')
      .json({
        events: [event('page_view', { funnelId: other.funnel.id, stepId: other.capture.id })],
      })
    await FlushVisitorEvents.handle()
    const visitor = await Visitor.query().where('workspace_id', workspace.id).firstOrFail()
    assert.isNull(visitor.funnelId)
    assert.isNull(visitor.currentStepId)
    const stored = await VisitorEvent.query().where('visitor_id', visitor.id).firstOrFail()
    assert.isNull(stored.funnelId)
    assert.lengthOf(await Visitor.query().where('workspace_id', other.workspace.id), 0)
  })

  test('unknown hosts and the admin host do not take beacons; bad bodies are a 422', async ({
    client,
    assert,
  }) => {
    await tenantWithFunnel()
    const body = { events: [event('page_view')] }
    ;(await client.post('/_funil/e').header('host', 'nobody.localhost').json(body)).assertStatus(
      404
    )
    ;(await client.post('/_funil/e').json(body)).assertStatus(404)
    ;(await client.post('/_site/_funil/e').json(body)).assertStatus(404)

    const invalid = await client
      .post('/_funil/e')
      .header('host', 'acme.localhost')
      .header('accept', 'application/json')
      .json({ events: [{ id: 'not-a-uuid', type: 'payment_complete' }] })
    invalid.assertStatus(422)
    const fields = invalid.body().errors.map((e: any) => e.field)
    assert.includeMembers(fields, ['events.0.id', 'events.0.type'])
    const garbage = await sendBeacon('acme.localhost', null, '{not json')
    assert.equal(garbage.status, 422)
  })

  test('a flusher that dies mid-batch loses nothing, and replays are not duplicated', async ({
    client,
    assert,
  }) => {
    const { workspace, funnel, capture } = await tenantWithFunnel()
    for (let i = 0; i < 5; i++) {
      await client
        .post('/_funil/e')
        .header('host', 'acme.localhost')
        .json({ events: [event('page_view', { funnelId: funnel.id, stepId: capture.id })] })
    }
    const buffer = new EventBuffer()
    // A worker reads the batch, then is killed before writing or acknowledging it.
    const taken = await buffer.read('killed-worker', 100)
    assert.lengthOf(taken, 5)
    assert.equal(
      (await FlushVisitorEvents.handle({ consumer: 'other', claimIdleMs: 60_000 })).flushed,
      0
    )

    // The next flush claims the abandoned entries once they have been idle long enough.
    await new Promise((resolve) => setTimeout(resolve, 50))
    const { flushed } = await FlushVisitorEvents.handle({ consumer: 'other', claimIdleMs: 10 })
    assert.equal(flushed, 5)
    const count = await db
      .from('visitor_events')
      .where('workspace_id', workspace.id)
      .count('* as n')
    assert.equal(Number(count[0].n), 5)

    // Replaying the same events (a batch written but not acknowledged) inserts nothing twice.
    await buffer.append(taken.map((entry) => entry.event!))
    await FlushVisitorEvents.handle({ consumer: 'other' })
    const again = await db
      .from('visitor_events')
      .where('workspace_id', workspace.id)
      .count('* as n')
    assert.equal(Number(again[0].n), 5)
  })

  test('the live monitor hears visitor_online, then visitor_step_change', async ({ assert }) => {
    const { owner, workspace, funnel, capture, checkout } = await tenantWithFunnel()
    const sse = new SseClient(serverUrl(), {
      authorization: `Bearer ${await apiToken(owner, null)}`,
    })
    await sse.connect()
    try {
      assert.equal(await sse.subscribe(`workspaces/${workspace.id}/funnels/${funnel.id}`), 204)
      const first = await sendBeacon('acme.localhost', {
        events: [event('page_view', { funnelId: funnel.id, stepId: capture.id })],
      })
      await FlushVisitorEvents.handle()
      const online = await sse.waitFor((m) => m.payload.event === 'visitor_online')
      assert.equal(online.payload.stepId, capture.id)

      await sendBeacon(
        'acme.localhost',
        { events: [event('checkout_view', { funnelId: funnel.id, stepId: checkout.id })] },
        undefined,
        visitorCookie(first)
      )
      await FlushVisitorEvents.handle()
      const change = await sse.waitFor((m) => m.payload.event === 'visitor_step_change')
      assert.equal(change.payload.stepId, checkout.id)
      assert.equal(change.payload.previousStepId, capture.id)
      assert.equal(change.payload.visitorId, online.payload.visitorId)
    } finally {
      sse.close()
    }
  })
})
