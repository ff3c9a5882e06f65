import { test } from '@japa/runner'
import { randomUUID } from 'node:crypto'
import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import { freshDatabase } from '#tests/helpers/database'
import { apiToken, createTenant, workspaceMember } from '#tests/helpers/tenants'
import { FunnelFactory } from '#database/factories/funnel_factory'
import { FunnelStepFactory } from '#database/factories/funnel_step_factory'
import { VisitorFactory } from '#database/factories/visitor_factory'
import { VisitorEventFactory } from '#database/factories/visitor_event_factory'
import { aPayment } from '#tests/functional/payments/helpers'
import RollupAnalytics from '#actions/analytics/rollup_analytics'
import { aggregateRaw } from '#actions/analytics/visitor_aggregates'
import type Workspace from '#models/workspace'
import queue from '#services/queue'
import { ANALYTICS_ROLLUP_EVERY_MS, QUEUES } from '#queues/definitions'
import { registerSchedules } from '#workers/schedules'
import rollupAnalyticsJob from '#workers/rollup_analytics_job'
import { route } from '#tests/helpers/routes'

const ZONE = 'America/Sao_Paulo'

/**
 * Day A (three days ago, São Paulo) and day B (two days ago), plus today (raw events only).
 * v2's visit and p4 happen at 23:30 local on day A, already day B in UTC.
 */
async function fixture(workspace: Workspace) {
  const today = DateTime.now().setZone(ZONE).startOf('day')
  const dayA = today.minus({ days: 3 })
  const dayB = today.minus({ days: 2 })
  const at = (day: DateTime, time: string) => {
    const [h, m] = time.split(':').map(Number)
    return day.set({ hour: h, minute: m })
  }
  const funnel = await FunnelFactory.merge({ workspaceId: workspace.id }).create()
  const base = { workspaceId: workspace.id, funnelId: funnel.id }
  const s1 = await FunnelStepFactory.merge({ ...base, name: 'Captura', orderIndex: 0 }).create()
  const s2 = await FunnelStepFactory.merge({ ...base, name: 'Checkout', orderIndex: 1 }).create()
  const visitor = (utmSource: string | null, utmCampaign: string | null) =>
    VisitorFactory.merge({ ...base, utmSource, utmCampaign, currentStepId: s1.id }).create()
  const v1 = await visitor('facebook', 'bf')
  const v2 = await visitor('google', 'g1')
  const v3 = await visitor('facebook', 'bf')
  const v4 = await visitor(null, null)
  const event = (v: { id: number }, stepId: number, eventType: any, createdAt: DateTime) =>
    VisitorEventFactory.merge({
      ...base,
      visitorId: v.id,
      stepId,
      eventType,
      eventId: randomUUID(),
      createdAt,
    }).create()
  await event(v1, s1.id, 'page_view', at(dayA, '10:00'))
  await event(v1, s1.id, 'form_submit', at(dayA, '10:05'))
  await event(v1, s2.id, 'checkout_view', at(dayA, '10:10'))
  await event(v2, s1.id, 'page_view', at(dayA, '23:30'))
  await event(v3, s2.id, 'page_view', at(dayB, '00:30'))
  await event(v3, s2.id, 'checkout_view', at(dayB, '00:40'))
  await event(v4, s1.id, 'page_view', DateTime.now().minus({ minutes: 1 }))
  const p1 = await aPayment(workspace, {
    funnelId: funnel.id,
    visitorId: v1.id,
    status: 'paid',
    amountCents: 19700,
    createdAt: at(dayA, '10:15'),
  })
  await aPayment(workspace, {
    funnelId: funnel.id,
    visitorId: v1.id,
    parentPaymentId: p1.id,
    status: 'paid',
    amountCents: 4700,
    createdAt: at(dayA, '10:20'),
  })
  await aPayment(workspace, {
    funnelId: funnel.id,
    visitorId: v3.id,
    status: 'refunded',
    amountCents: 19700,
    createdAt: at(dayB, '00:45'),
  })
  await aPayment(workspace, {
    funnelId: funnel.id,
    visitorId: v2.id,
    status: 'pending',
    amountCents: 19700,
    createdAt: at(dayA, '23:40'),
  })
  await aPayment((await createTenant()).workspace, { status: 'paid', amountCents: 99999 })
  await RollupAnalytics.handle({ days: 5, workspaceId: workspace.id })
  return { funnel, s1, s2, dayA, dayB, today }
}

async function tenant() {
  const made = await createTenant()
  made.workspace.timezone = ZONE
  await made.workspace.save()
  return { ...made, token: await apiToken(made.owner, made.workspace) }
}

test.group('API: GET /api/analytics/dashboard', (group) => {
  freshDatabase(group)

  test('exact KPIs, series, steps, sources and payments on a known fixture', async ({
    client,
    assert,
  }) => {
    const { workspace, token } = await tenant()
    const { funnel, s1, s2, dayA, dayB, today } = await fixture(workspace)
    const response = await client
      .get(route('api.analytics.dashboard'))
      .qs({ from: dayA.toISODate(), to: today.toISODate(), funnelId: funnel.id })
      .bearerToken(token)
    response.assertStatus(200)
    const body = response.body()
    assert.deepEqual(body.kpis, {
      visitors: 4,
      leads: 1,
      checkoutViews: 2,
      pixGenerated: 3,
      pixPaid: 2,
      revenueCents: 24400,
      conversion: 0.25,
      averageTicketCents: 24400,
      upsellTakeRate: 1,
    })
    assert.deepEqual(body.paymentsByStatus, {
      paid: { count: 2, cents: 24400 },
      pending: { count: 1, cents: 19700 },
      failed: { count: 0, cents: 0 },
      refunded: { count: 1, cents: 19700 },
    })
    assert.lengthOf(body.series, 4)
    assert.deepEqual(body.series[0], {
      day: dayA.toISODate(),
      visitors: 2,
      leads: 1,
      pixPaid: 2,
      revenueCents: 24400,
    })
    assert.deepEqual(body.series[1], {
      day: dayB.toISODate(),
      visitors: 1,
      leads: 0,
      pixPaid: 0,
      revenueCents: 0,
    })
    assert.equal(body.series[3].visitors, 1)
    assert.deepEqual(
      body.steps.map((s: any) => [s.id, s.visitors]),
      [
        [s1.id, 3],
        [s2.id, 1],
      ]
    )
    // A cohort: v1, v2 and v4 entered Captura; only v1 went on (v3 landed on the checkout).
    assert.equal(body.steps[0].conversion, 1)
    assert.isNull(body.steps[0].dropOff)
    assert.closeTo(body.steps[1].conversion, 1 / 3, 1e-9)
    assert.closeTo(body.steps[1].dropOff, 2 / 3, 1e-9)
    assert.deepEqual(body.bySource, [
      { value: 'facebook', visitors: 2, pixPaid: 2, revenueCents: 24400, conversion: 0.5 },
      { value: 'google', visitors: 1, pixPaid: 0, revenueCents: 0, conversion: 0 },
      { value: null, visitors: 1, pixPaid: 0, revenueCents: 0, conversion: 0 },
    ])
    assert.equal(body.byCampaign[0].value, 'bf')
  })

  test('the step table is a cohort of first-step entrants: mid-funnel landings never count', async ({
    client,
    assert,
  }) => {
    const { workspace, token } = await tenant()
    const today = DateTime.now().setZone(ZONE).startOf('day')
    const closed = today.minus({ days: 3 }).set({ hour: 10 })
    const funnel = await FunnelFactory.merge({ workspaceId: workspace.id }).create()
    const base = { workspaceId: workspace.id, funnelId: funnel.id }
    const step = (name: string, orderIndex: number) =>
      FunnelStepFactory.merge({ ...base, name, orderIndex }).create()
    const s1 = await step('Captura', 0)
    const s2 = await step('Oferta', 1)
    const s3 = await step('Checkout', 2)
    const empty = await FunnelFactory.merge({ workspaceId: workspace.id }).create()
    const e1 = await FunnelStepFactory.merge({
      workspaceId: workspace.id,
      funnelId: empty.id,
      orderIndex: 0,
    }).create()
    const e2 = await FunnelStepFactory.merge({
      workspaceId: workspace.id,
      funnelId: empty.id,
      orderIndex: 1,
    }).create()
    let minute = 0
    /** One visitor walking the given steps in order, a minute apart from `start`. */
    const walk = async (start: DateTime, path: Array<[number, string]>) => {
      const v = await VisitorFactory.merge({ ...base, currentStepId: path[0][0] }).create()
      for (const [stepId, eventType] of path) {
        await VisitorEventFactory.merge({
          ...base,
          visitorId: v.id,
          stepId,
          eventType: eventType as any,
          eventId: randomUUID(),
          createdAt: start.plus({ minutes: ++minute }),
        }).create()
      }
    }
    const now = DateTime.now().setZone(ZONE).minus({ minutes: 30 })
    await walk(closed, [
      [s1.id, 'page_view'],
      [s2.id, 'page_view'],
      [s3.id, 'checkout_view'],
    ])
    await walk(now, [
      [s1.id, 'page_view'],
      [s2.id, 'page_view'],
    ])
    await walk(closed, [
      [s1.id, 'page_view'],
      [s1.id, 'form_submit'],
    ])
    // Skipped Oferta: in the cohort, but reached neither Oferta nor (through it) Checkout.
    await walk(closed, [
      [s1.id, 'page_view'],
      [s3.id, 'checkout_view'],
    ])
    // Landed mid-funnel (ads straight to the offer or the checkout): not in the cohort.
    await walk(closed, [
      [s2.id, 'page_view'],
      [s3.id, 'checkout_view'],
    ])
    await walk(now, [[s3.id, 'checkout_view']])
    await walk(now, [
      [s3.id, 'page_view'],
      [s2.id, 'page_view'],
      [s2.id, 'page_view'],
    ])
    // Entered before the period, came back to the offer inside it: not this period's cohort.
    await walk(today.minus({ days: 10 }), [[s1.id, 'page_view']])
    await walk(closed, [[s2.id, 'page_view']])
    // Checkout first, Captura later: only what happens after entering counts.
    await walk(now, [
      [s3.id, 'checkout_view'],
      [s1.id, 'page_view'],
    ])
    // Only a form post (no page view) is not an entry.
    await walk(now, [[s1.id, 'form_submit']])
    await RollupAnalytics.handle({ days: 5, workspaceId: workspace.id })

    const read = (funnelId: number) =>
      client
        .get(route('api.analytics.dashboard'))
        .qs({ from: closed.toISODate(), to: today.toISODate(), funnelId })
        .bearerToken(token)
    const response = await read(funnel.id)
    response.assertStatus(200)
    assert.deepEqual(response.body().steps, [
      { id: s1.id, name: 'Captura', visitors: 5, conversion: 1, dropOff: null },
      { id: s2.id, name: 'Oferta', visitors: 2, conversion: 0.4, dropOff: 0.6 },
      { id: s3.id, name: 'Checkout', visitors: 1, conversion: 0.2, dropOff: 0.5 },
    ])

    const none = await read(empty.id)
    none.assertStatus(200)
    assert.deepEqual(
      none.body().steps.map((s: any) => [s.id, s.visitors, s.conversion, s.dropOff]),
      [
        [e1.id, 0, null, null],
        [e2.id, 0, null, null],
      ]
    )
  })

  test("day boundaries are the workspace's: 23:30 in São Paulo is still that day", async ({
    client,
    assert,
  }) => {
    const { workspace, token } = await tenant()
    const { dayA } = await fixture(workspace)
    const response = await client
      .get(route('api.analytics.dashboard'))
      .qs({ from: dayA.toISODate(), to: dayA.toISODate() })
      .bearerToken(token)
    response.assertStatus(200)
    assert.equal(response.body().kpis.visitors, 2)
    assert.equal(response.body().kpis.pixGenerated, 2)
    assert.deepEqual(response.body().paymentsByStatus.pending, { count: 1, cents: 19700 })
    assert.deepEqual(response.body().paymentsByStatus.refunded, { count: 0, cents: 0 })
    assert.isNull(response.body().steps)
  })

  test('rollups equal the raw-event answer', async ({ assert }) => {
    const { workspace } = await tenant()
    const { dayA, today } = await fixture(workspace)
    const key = (r: any) =>
      [
        r.day,
        r.funnel_id,
        r.step_id,
        r.utm_source,
        r.utm_campaign,
        r.visitors,
        r.leads,
        r.checkout_views,
      ].join('|')
    const rolled = await db
      .from('analytics_daily')
      .select('*')
      .select(db.raw('day::text AS day'))
      .where('workspace_id', workspace.id)
    const raw = await aggregateRaw({
      workspaceId: workspace.id,
      zone: ZONE,
      from: dayA.toJSDate(),
      to: today.toJSDate(),
    })
    assert.isAbove(rolled.length, 0)
    assert.sameMembers(rolled.map(key), raw.map(key))
  })

  test('422 on bad periods, 404 on another workspace funnel, viewers read', async ({
    client,
    assert,
  }) => {
    const { workspace, token } = await tenant()
    const bad = await client
      .get(route('api.analytics.dashboard'))
      .qs({ from: '2026-02-10', to: '2026-02-01' })
      .bearerToken(token)
    bad.assertStatus(422)
    assert.include(
      bad.body().errors.map((e: any) => e.field),
      'to'
    )
    const other = await tenant()
    const foreign = await FunnelFactory.merge({ workspaceId: other.workspace.id }).create()
    const hidden = await client
      .get(route('api.analytics.dashboard'))
      .qs({ from: '2026-02-01', to: '2026-02-10', funnelId: foreign.id })
      .bearerToken(token)
    hidden.assertStatus(404)
    const viewer = await workspaceMember(workspace, 'viewer')
    const read = await client
      .get(route('api.analytics.dashboard'))
      .qs({ from: '2026-02-01', to: '2026-02-10' })
      .bearerToken(await apiToken(viewer, workspace))
    read.assertStatus(200)
    assert.equal(read.body().kpis.visitors, 0)
  })
})

test.group('Analytics rollup job', (group) => {
  freshDatabase(group)

  test('is scheduled on the tracking queue and rebuilds closed days idempotently', async ({
    assert,
  }) => {
    await registerSchedules(queue)
    const schedulers = await queue.queue(QUEUES.tracking).getJobSchedulers()
    const rollup = schedulers.find((s) => s.key === 'rollup-analytics')
    assert.equal(rollup?.every, ANALYTICS_ROLLUP_EVERY_MS)
    await queue.queue(QUEUES.tracking).removeJobScheduler('rollup-analytics')

    const { workspace } = await tenant()
    await fixture(workspace)
    const count = async () =>
      Number(
        (await db.from('analytics_daily').where('workspace_id', workspace.id).count('* as n'))[0].n
      )
    const before = await count()
    await rollupAnalyticsJob()
    await RollupAnalytics.handle({ days: 5, workspaceId: workspace.id })
    assert.equal(await count(), before)
    assert.equal(before, 7)
  })
})
