import { test } from '@japa/runner'
import { randomUUID } from 'node:crypto'
import db from '@adonisjs/lucid/services/db'
import { freshDatabase } from '#tests/helpers/database'
import { createTenant } from '#tests/helpers/tenants'
import { FunnelFactory } from '#database/factories/funnel_factory'
import { FunnelStepFactory } from '#database/factories/funnel_step_factory'
import { EventBuffer, type BufferedEvent } from '#services/event_buffer'
import FlushVisitorEvents from '#actions/tracking/flush_visitor_events'
import queue from '#services/queue'
import { agencyMember, workspaceMember } from '#tests/helpers/tenants'
import { asInertia } from '#tests/helpers/inertia'
import { VisitorFactory } from '#database/factories/visitor_factory'
import { VisitorEventFactory } from '#database/factories/visitor_event_factory'
import { WebhookEndpointFactory } from '#database/factories/webhook_endpoint_factory'
import PlanVisitorConversions from '#actions/postbacks/plan_visitor_conversions'
import { emptyQueues } from '#tests/functional/payments/helpers'
import { route } from '#tests/helpers/routes'

async function tenantWithFunnel(slug: string) {
  const tenant = await createTenant({ workspaceSlug: slug })
  const funnel = await FunnelFactory.merge({ workspaceId: tenant.workspace.id }).create()
  const step = await FunnelStepFactory.merge({
    workspaceId: tenant.workspace.id,
    funnelId: funnel.id,
    orderIndex: 0,
  }).create()
  return { ...tenant, funnel, step }
}

function buffered(workspaceId: number, extra: Partial<BufferedEvent> = {}): BufferedEvent {
  return {
    workspaceId,
    sessionId: `sess-${randomUUID()}`,
    eventId: randomUUID(),
    type: 'page_view',
    funnelId: null,
    stepId: null,
    occurredAt: new Date().toISOString(),
    ip: '203.0.113.9',
    userAgent: 'Mozilla/5.0',
    url: 'https://acme.localhost/bf',
    referrer: null,
    data: {},
    ...extra,
  }
}

async function storedEvents(workspaceId: number) {
  const [{ n }] = await db.from('visitor_events').where('workspace_id', workspaceId).count('* as n')
  return Number(n)
}

/**
 * Entries written straight to the stream, as an older release or a bug could have buffered
 * them: the edge validation is not what is under test here, the flush is.
 */
test.group('Tracking: a poison entry never blocks the flush', (group) => {
  freshDatabase(group)
  group.each.setup(async () => {
    const buffer = new EventBuffer()
    await queue.connection().del(buffer.key, buffer.deadKey)
  })

  test('good events of a batch are written, the refused ones go to the dead-letter stream', async ({
    assert,
  }) => {
    const acme = await tenantWithFunnel('acme')
    const beta = await tenantWithFunnel('beta')
    const buffer = new EventBuffer()
    const redis = queue.connection()

    const good = [
      ...Array.from({ length: 40 }, () => buffered(acme.workspace.id)),
      ...Array.from({ length: 40 }, () => buffered(beta.workspace.id)),
    ]
    /** PostgreSQL refuses it: `event_id` is a uuid column (22P02). */
    const refused = buffered(beta.workspace.id, { eventId: 'not-a-uuid' })
    /** What the issue saw accepted: cleaned by the flush itself, then stored. */
    const repaired = buffered(acme.workspace.id, {
      ip: 'unknown',
      url: 'https://acme.localhost/\u0000x',
      referrer: '\ud800',
      funnelId: 2147483648,
      stepId: 1e15,
      data: { note: 'Jo\u0000ao', deep: { a: { b: { c: { d: { e: { f: 1 } } } } } } },
    })
    await buffer.append([...good.slice(0, 30), refused, ...good.slice(30, 60), repaired])
    await redis.xadd(buffer.key, '*', 'e', '{not json')
    await buffer.append(good.slice(60))

    const result = await FlushVisitorEvents.handle({ batchSize: 2000 })
    assert.equal(result.flushed, 81)
    assert.equal(result.dead, 2)
    assert.equal(await storedEvents(acme.workspace.id), 41)
    assert.equal(await storedEvents(beta.workspace.id), 40)
    assert.equal(await buffer.backlog(), 0, 'the stream drained')
    const pending = (await redis.xpending(buffer.key, 'flushers')) as [number, ...unknown[]]
    assert.equal(pending[0], 0, 'nothing left pending')

    const repairedVisitor = await db
      .from('visitors')
      .where('session_id', repaired.sessionId)
      .firstOrFail()
    assert.isNull(repairedVisitor.ip_address)
    assert.isNull(repairedVisitor.funnel_id)
    assert.equal(repairedVisitor.landing_url, 'https://acme.localhost/x')
    assert.equal(repairedVisitor.referrer, '\ufffd')

    assert.equal(await buffer.deadCount(), 2)
    const dead = await buffer.dead()
    assert.lengthOf(dead, 2)
    const [poison, unreadable] = dead
    assert.match(unreadable.error, /unreadable/)
    assert.equal(unreadable.raw, '{not json')
    assert.match(poison.error, /^22P02: invalid input syntax for type uuid/)
    assert.equal(poison.workspaceId, beta.workspace.id)
    assert.deepEqual(JSON.parse(poison.raw).eventId, 'not-a-uuid')
    assert.lengthOf(await buffer.dead({ workspaceIds: [acme.workspace.id] }), 0)
    assert.lengthOf(await buffer.dead({ workspaceIds: [beta.workspace.id] }), 1)

    /** Later batches flow as if nothing happened. */
    await buffer.append([buffered(acme.workspace.id)])
    assert.equal((await FlushVisitorEvents.handle()).flushed, 1)
    assert.equal(await storedEvents(acme.workspace.id), 42)
  })

  test('one poison entry per batch among 500 good ones: every good event written in one pass', async ({
    assert,
  }) => {
    const { workspace } = await tenantWithFunnel('acme')
    const buffer = new EventBuffer()
    const events: BufferedEvent[] = []
    for (let i = 0; i < 500; i++) {
      events.push(buffered(workspace.id))
      if (i % 100 === 50) {
        /** A session id longer than its varchar(255) column (22001). */
        events.push(buffered(workspace.id, { sessionId: 'x'.repeat(300) }))
      }
    }
    await buffer.append(events)
    const result = await FlushVisitorEvents.handle({ batchSize: 200 })
    assert.equal(result.flushed, 500)
    assert.equal(result.dead, 5)
    assert.equal(await storedEvents(workspace.id), 500)
    assert.equal(await buffer.backlog(), 0)
  })

  test('health reports the dead letters; "Eventos rejeitados" shows the workspace its own, to owners and admins only', async ({
    client,
    assert,
  }) => {
    const acme = await tenantWithFunnel('acme')
    const beta = await tenantWithFunnel('beta')
    const buffer = new EventBuffer()
    await buffer.append([
      buffered(acme.workspace.id, { eventId: 'acme-bad-id', url: 'https://acme.localhost/lp' }),
      buffered(beta.workspace.id, { eventId: 'beta-bad-id' }),
      buffered(acme.workspace.id),
    ])
    assert.deepInclude(await FlushVisitorEvents.handle(), { flushed: 1, dead: 2 })

    const health = await client
      .get(route('health.ready'))
      .header('x-health-token', 'test-health-token')
    health.assertStatus(200)
    const check = health.body().checks.find((c: any) => c.name === 'Rejected tracking events')
    assert.equal(check.status, 'warning')
    assert.equal(check.meta.deadEvents, 2)

    const page = await asInertia(
      client.get(route('w.rejected_events.index', { workspaceSlug: 'acme' })).loginAs(acme.owner)
    )
    page.assertStatus(200)
    assert.equal(page.body().component, 'rejected_events/index')
    const { entries } = page.body().props
    assert.lengthOf(entries, 1, "beta's entry is not acme's business")
    assert.equal(entries[0].eventId, 'acme-bad-id')
    assert.equal(entries[0].url, 'https://acme.localhost/lp')
    assert.match(entries[0].error, /^22P02/)
    assert.include(entries[0].raw, 'acme-bad-id')

    const admin = await agencyMember(acme.agency, 'admin')
    ;(
      await asInertia(
        client.get(route('w.rejected_events.index', { workspaceSlug: 'acme' })).loginAs(admin)
      )
    ).assertStatus(200)
    const editor = await agencyMember(acme.agency, 'editor')
    ;(
      await asInertia(
        client.get(route('w.rejected_events.index', { workspaceSlug: 'acme' })).loginAs(editor)
      )
    ).assertStatus(403)
    const clientViewer = await workspaceMember(acme.workspace, 'viewer')
    ;(
      await asInertia(
        client
          .get(route('w.rejected_events.index', { workspaceSlug: 'acme' }))
          .loginAs(clientViewer)
      )
    ).assertStatus(403)
    /** Another workspace's page is a 404 for acme's owner. */
    ;(
      await asInertia(
        client.get(route('w.rejected_events.index', { workspaceSlug: 'beta' })).loginAs(acme.owner)
      )
    ).assertStatus(404)
    const betaPage = await asInertia(
      client.get(route('w.rejected_events.index', { workspaceSlug: 'beta' })).loginAs(beta.owner)
    )
    assert.deepEqual(
      betaPage.body().props.entries.map((e: any) => e.eventId),
      ['beta-bad-id']
    )
  })

  test('a malformed lead never fails the conversions job: the other leads of the batch are planned', async ({
    assert,
  }) => {
    await emptyQueues()
    const { workspace, funnel, step } = await tenantWithFunnel('acme')
    await WebhookEndpointFactory.merge({
      workspaceId: workspace.id,
      events: ['lead.created'],
    }).create()
    /** As an older release could have stored it from a forged beacon: numbers and objects. */
    const broken = await VisitorFactory.merge({
      workspaceId: workspace.id,
      lead: { name: 123, email: { x: 1 } } as any,
    }).create()
    const fine = await VisitorFactory.merge({
      workspaceId: workspace.id,
      lead: { name: 'Maria da Silva', email: 'maria@exemplo.com.br' },
    }).create()
    const events = await Promise.all(
      [broken, fine].map((visitor) =>
        VisitorEventFactory.merge({
          workspaceId: workspace.id,
          visitorId: visitor.id,
          funnelId: funnel.id,
          stepId: step.id,
          eventType: 'form_submit',
        }).create()
      )
    )
    const result = await PlanVisitorConversions.handle({
      workspaceId: workspace.id,
      eventIds: events.map((event) => event.eventId),
    })
    assert.equal(result.planned, 1)
    const deliveries = await db.from('postback_deliveries').where('workspace_id', workspace.id)
    assert.lengthOf(deliveries, 1)
    assert.equal(deliveries[0].visitor_id, fine.id)
  })

  test('a beacon cannot forge a lead, and the flush keeps only short text lead fields', async ({
    assert,
  }) => {
    const { workspace } = await tenantWithFunnel('acme')
    const buffer = new EventBuffer()
    const forged = buffered(workspace.id, {
      type: 'form_submit',
      data: { lead: { name: 42, email: { x: 1 }, phone: '11912345678', role: 'admin' } },
    })
    await buffer.append([forged])
    await FlushVisitorEvents.handle()
    const visitor = await db.from('visitors').where('session_id', forged.sessionId).firstOrFail()
    assert.deepEqual(visitor.lead, { phone: '11912345678' })
  })
})
