import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import { freshDatabase } from '#tests/helpers/database'
import { asInertia } from '#tests/helpers/inertia'
import { apiToken, createTenant, workspaceMember } from '#tests/helpers/tenants'
import { WebhookEndpointFactory } from '#database/factories/webhook_endpoint_factory'
import { queriesDuring } from '#tests/functional/funnels/helpers'
import { aDelivery, deliveryLog, saoPaulo } from './fixtures.js'
import { route } from '#tests/helpers/routes'

const ZERO = { pending: 0, succeeded: 0, failed: 0, dead: 0 }

/** A day's counts: zeros but the given statuses. */
function day(date: string, counts: Partial<typeof ZERO> = {}) {
  return { day: date, ...ZERO, ...counts }
}

/** The fixture's four days with a day of nothing either side (9th and 14th). */
const LOG_DAYS = [
  day('2026-01-09'),
  /** 23:30 on the 10th in São Paulo (02:30 UTC on the 11th) is the 10th. */
  day('2026-01-10', { succeeded: 1, failed: 1 }),
  /** 00:30 on the 11th is the 11th. */
  day('2026-01-11', { dead: 1 }),
  day('2026-01-12', { dead: 1, pending: 1 }),
  day('2026-01-13', { succeeded: 1, failed: 1 }),
  day('2026-01-14'),
]

/** The fixture per destination, in the fixed order (targets, then endpoint names). */
function logDestinations(crm: { id: number }, erp: { id: number }) {
  const row = (target: string, counts: Partial<typeof ZERO>, successRate: number | null) => ({
    target,
    webhookEndpoint: null as null | { id: number; name: string },
    ...ZERO,
    ...counts,
    total: Object.values(counts).reduce((sum, count) => sum + count, 0),
    successRate,
  })
  return [
    row('utmify', { succeeded: 1, failed: 1 }, 0.5),
    row('meta', { failed: 1 }, 0),
    row('tiktok', { dead: 1 }, 0),
    row('ga4', { succeeded: 1 }, 1),
    { ...row('custom', { dead: 1 }, 0), webhookEndpoint: { id: crm.id, name: 'CRM' } },
    /** Pending only: no outcome yet, so no rate. */
    { ...row('custom', { pending: 1 }, null), webhookEndpoint: { id: erp.id, name: 'ERP' } },
  ]
}

test.group('Deliveries chart: API stats', (group) => {
  freshDatabase(group)

  test('per local day and per destination, exact; empty days are zeros', async ({
    client,
    assert,
  }) => {
    const { owner, workspace } = await createTenant()
    const token = await apiToken(owner, workspace)
    const { crm, erp, paymentA } = await deliveryLog(workspace)
    /** Another workspace's deliveries on the same days are never counted. */
    const other = await createTenant()
    await deliveryLog(other.workspace)
    await aDelivery(other.workspace, { status: 'dead', createdAt: saoPaulo('2026-01-09T12:00') })

    const stats = (qs: Record<string, unknown>) =>
      client.get(route('api.deliveries.stats')).bearerToken(token).qs(qs)
    const period = { from: '2026-01-09', to: '2026-01-14' }

    const all = await stats(period)
    all.assertStatus(200)
    assert.deepEqual(all.body(), {
      period: { ...period, zone: 'America/Sao_Paulo', defaulted: false, clamped: false },
      days: LOG_DAYS,
      destinations: logDestinations(crm, erp),
    })

    /** The status filter is the list's, not the chart's: every status is still counted. */
    const dead = await stats({ ...period, status: 'dead' })
    assert.deepEqual(dead.body().days, LOG_DAYS)

    /** One local day: the 23:30 delivery is in, the 00:30 one (UTC day alike) is out. */
    const tenth = await stats({ from: '2026-01-10', to: '2026-01-10' })
    assert.deepEqual(tenth.body().days, [day('2026-01-10', { succeeded: 1, failed: 1 })])
    assert.deepEqual(
      tenth.body().destinations.map((d: any) => [d.target, d.total]),
      [
        ['utmify', 1],
        ['meta', 1],
      ]
    )

    const utmify = await stats({ ...period, target: 'utmify' })
    assert.deepEqual(utmify.body().days, [
      day('2026-01-09'),
      day('2026-01-10', { succeeded: 1 }),
      day('2026-01-11'),
      day('2026-01-12'),
      day('2026-01-13', { failed: 1 }),
      day('2026-01-14'),
    ])
    assert.deepEqual(utmify.body().destinations, [logDestinations(crm, erp)[0]])

    const ofEndpoint = await stats({ ...period, target: 'custom', webhookEndpointId: crm.id })
    assert.deepEqual(ofEndpoint.body().destinations, [logDestinations(crm, erp)[4]])
    assert.deepEqual(ofEndpoint.body().days[3], day('2026-01-12', { dead: 1 }))

    const ofPayment = await stats({ ...period, paymentId: paymentA.id, event: 'Purchase' })
    assert.deepEqual(
      ofPayment.body().days.map((d: any) => d.failed),
      [0, 1, 0, 0, 0, 0]
    )
  })

  test("days are the workspace's: the same rows in UTC move across midnight", async ({
    client,
    assert,
  }) => {
    const { owner, workspace } = await createTenant()
    const token = await apiToken(owner, workspace)
    await deliveryLog(workspace)
    workspace.timezone = 'UTC'
    await workspace.save()

    const response = await client
      .get(route('api.deliveries.stats'))
      .bearerToken(token)
      .qs({ from: '2026-01-10', to: '2026-01-11' })
    assert.equal(response.body().period.zone, 'UTC')
    /** 23:30 (-03:00) on the 10th is 02:30 UTC on the 11th, and 00:30 is 03:30. */
    assert.deepEqual(response.body().days, [
      day('2026-01-10', { succeeded: 1 }),
      day('2026-01-11', { failed: 1, dead: 1 }),
    ])
  })

  test('the last 14 local days by default; a one-sided or very long period', async ({
    client,
    assert,
  }) => {
    const { owner, workspace } = await createTenant()
    const token = await apiToken(owner, workspace)
    const today = DateTime.now().setZone('America/Sao_Paulo').startOf('day')
    await aDelivery(workspace, { status: 'succeeded', createdAt: today })
    await aDelivery(workspace, { status: 'dead', createdAt: today.minus({ days: 13 }) })
    /** The 15th day back is outside the default period. */
    await aDelivery(workspace, { status: 'failed', createdAt: today.minus({ days: 14 }) })
    const stats = (qs: Record<string, unknown> = {}) =>
      client.get(route('api.deliveries.stats')).bearerToken(token).qs(qs)

    const byDefault = (await stats()).body()
    assert.deepEqual(byDefault.period, {
      from: today.minus({ days: 13 }).toISODate(),
      to: today.toISODate(),
      zone: 'America/Sao_Paulo',
      defaulted: true,
      clamped: false,
    })
    assert.lengthOf(byDefault.days, 14)
    assert.deepEqual(byDefault.days[0], day(today.minus({ days: 13 }).toISODate()!, { dead: 1 }))
    assert.deepEqual(byDefault.days[13], day(today.toISODate()!, { succeeded: 1 }))
    assert.deepEqual(
      byDefault.days.slice(1, 13),
      byDefault.days.slice(1, 13).map((d: any) => day(d.day))
    )
    assert.deepEqual(
      byDefault.destinations.map((d: any) => [d.target, d.succeeded, d.failed, d.dead]),
      [['utmify', 1, 0, 1]]
    )

    /** `to` alone: the 14 days up to it. `from` alone: up to today. */
    const untilYesterday = (await stats({ to: today.minus({ days: 1 }).toISODate() })).body()
    assert.equal(untilYesterday.period.from, today.minus({ days: 14 }).toISODate())
    assert.equal(untilYesterday.days[0].failed, 1)
    const fromThreeDays = (await stats({ from: today.minus({ days: 2 }).toISODate() })).body()
    assert.deepEqual(
      [fromThreeDays.period.from, fromThreeDays.period.to, fromThreeDays.days.length],
      [today.minus({ days: 2 }).toISODate(), today.toISODate(), 3]
    )

    /** A period of years shows its last 366 days, and says so. */
    const years = (await stats({ from: '2020-01-01', to: today.toISODate() })).body()
    assert.isTrue(years.period.clamped)
    assert.lengthOf(years.days, 366)
    assert.equal(years.period.from, today.minus({ days: 365 }).toISODate())
  })

  test('bad filters are 422 with the field', async ({ client, assert }) => {
    const { owner, workspace } = await createTenant()
    const token = await apiToken(owner, workspace)
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ target: 'myspace' }, 'target'],
      [{ paymentId: 'abc' }, 'paymentId'],
      [{ webhookEndpointId: '-1' }, 'webhookEndpointId'],
      [{ from: '10/01/2026' }, 'from'],
      [{ from: '2026-01-10', to: '2026-01-09' }, 'to'],
    ]
    for (const [qs, field] of cases) {
      const response = await client.get(route('api.deliveries.stats')).bearerToken(token).qs(qs)
      response.assertStatus(422)
      assert.equal(response.body().errors[0].field, field, JSON.stringify(qs))
    }
  })

  test("another workspace's token and endpoint count nothing here; a viewer may read", async ({
    client,
    assert,
  }) => {
    const { owner, workspace } = await createTenant()
    await deliveryLog(workspace)
    const other = await createTenant()
    const otherToken = await apiToken(other.owner, other.workspace)
    const period = { from: '2026-01-09', to: '2026-01-14' }

    /** The other workspace's token reads its own (empty) log, not this one. */
    const elsewhere = await client
      .get(route('api.deliveries.stats'))
      .bearerToken(otherToken)
      .qs(period)
    elsewhere.assertStatus(200)
    assert.deepEqual(
      elsewhere.body().days,
      LOG_DAYS.map((d) => day(d.day))
    )
    assert.deepEqual(elsewhere.body().destinations, [])

    /** Its endpoint's id finds nothing in this workspace. */
    const foreignEndpoint = await WebhookEndpointFactory.merge({
      workspaceId: other.workspace.id,
    }).create()
    await aDelivery(other.workspace, {
      target: 'custom',
      status: 'dead',
      webhookEndpointId: foreignEndpoint.id,
      createdAt: saoPaulo('2026-01-10T12:00'),
    })
    const token = await apiToken(owner, workspace)
    const foreign = await client
      .get(route('api.deliveries.stats'))
      .bearerToken(token)
      .qs({ ...period, webhookEndpointId: foreignEndpoint.id })
    assert.deepEqual(foreign.body().destinations, [])
    assert.deepEqual(
      foreign.body().days,
      LOG_DAYS.map((d) => day(d.day))
    )

    const viewer = await workspaceMember(workspace, 'viewer')
    const viewerStats = await client
      .get(route('api.deliveries.stats'))
      .bearerToken(await apiToken(viewer, workspace))
      .qs(period)
    viewerStats.assertStatus(200)
    assert.deepEqual(viewerStats.body().days, LOG_DAYS)

    ;(await client.get(route('api.deliveries.stats')).qs(period)).assertStatus(401)
  })
})

test.group('Deliveries chart: the "Entregas" page', (group) => {
  freshDatabase(group)

  test('the chart prop follows the filters; lazily, in one statement', async ({
    client,
    assert,
  }) => {
    const { owner, workspace } = await createTenant()
    const { crm, erp, rows } = await deliveryLog(workspace)
    await deliveryLog((await createTenant()).workspace)
    const base = route('w.deliveries.index', { workspaceSlug: workspace.slug })
    const period = 'from=2026-01-09&to=2026-01-14'

    const page = await asInertia(client.get(`${base}?${period}&status=failed`).loginAs(owner))
    page.assertStatus(200)
    assert.deepEqual(page.body().props.chart, {
      period: {
        from: '2026-01-09',
        to: '2026-01-14',
        zone: 'America/Sao_Paulo',
        defaulted: false,
        clamped: false,
      },
      days: LOG_DAYS,
      destinations: logDestinations(crm, erp),
    })

    /** Opening the sheet reloads `selected` alone: the chart is not computed. */
    const sheet = await queriesDuring(async () => {
      const response = await asInertia(
        client
          .get(`${base}/${rows[0].id}?${period}`)
          .header('x-inertia-partial-component', 'deliveries/index')
          .header('x-inertia-partial-data', 'selected')
          .loginAs(owner)
      )
      assert.notProperty(response.body().props, 'chart')
      assert.property(response.body().props, 'selected')
    })
    assert.isFalse(sheet.some((sql) => sql.includes('GROUPING SETS')))

    /** The live reload asks for the chart; it is one statement over the deliveries. */
    const statements = await queriesDuring(async () => {
      const response = await asInertia(
        client
          .get(`${base}?${period}&target=utmify`)
          .header('x-inertia-partial-component', 'deliveries/index')
          .header('x-inertia-partial-data', 'chart')
          .loginAs(owner)
      )
      assert.deepEqual(response.body().props.chart.destinations, [logDestinations(crm, erp)[0]])
      assert.notProperty(response.body().props, 'deliveries')
    })
    assert.lengthOf(
      statements.filter((sql) => sql.includes('postback_deliveries')),
      1
    )

    /** A bad filter on the page is ignored: the default period. */
    const bad = await asInertia(client.get(`${base}?from=yesterday`).loginAs(owner))
    bad.assertStatus(200)
    assert.isTrue(bad.body().props.chart.period.defaulted)
    assert.lengthOf(bad.body().props.chart.days, 14)
  })

  test("the page's queries do not grow with the rows, the chart's included", async ({
    client,
    assert,
  }) => {
    const { owner, workspace } = await createTenant()
    await deliveryLog(workspace)
    const url = route(
      'w.deliveries.index',
      { workspaceSlug: workspace.slug },
      { qs: { from: '2026-01-01', to: '2026-01-31' } }
    )
    const count = async () => {
      const statements = await queriesDuring(async () => {
        const response = await asInertia(client.get(url).loginAs(owner))
        assert.lengthOf(response.body().props.chart.days, 31)
      })
      assert.isTrue(statements.some((sql) => sql.includes('GROUPING SETS')))
      return statements.length
    }
    const few = await count()
    await deliveryLog(workspace)
    await deliveryLog(workspace)
    assert.equal(await count(), few)
  })
})
