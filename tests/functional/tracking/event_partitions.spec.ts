import { test } from '@japa/runner'
import { randomUUID } from 'node:crypto'
import db from '@adonisjs/lucid/services/db'
import { freshDatabase } from '#tests/helpers/database'
import { createTenant } from '#tests/helpers/tenants'
import { FunnelFactory } from '#database/factories/funnel_factory'
import { FunnelStepFactory } from '#database/factories/funnel_step_factory'
import { EventBuffer, type BufferedEvent } from '#services/event_buffer'
import FlushVisitorEvents from '#actions/tracking/flush_visitor_events'
import MaintainEventPartitions, {
  partitionNames,
} from '#actions/maintenance/maintain_event_partitions'
import ApplyEventRetention from '#actions/maintenance/apply_event_retention'
import { createPartitionSql, monthStart, partitionName } from '#services/event_partitions'
import queue from '#services/queue'

async function tenantWithVisitor(slug: string, plan = 'pro') {
  const tenant = await createTenant({ workspaceSlug: slug })
  await db.from('workspaces').where('id', tenant.workspace.id).update({ plan })
  const funnel = await FunnelFactory.merge({ workspaceId: tenant.workspace.id }).create()
  const step = await FunnelStepFactory.merge({
    workspaceId: tenant.workspace.id,
    funnelId: funnel.id,
    orderIndex: 0,
  }).create()
  const [visitor] = await db
    .table('visitors')
    .insert({ workspace_id: tenant.workspace.id, session_id: randomUUID() })
    .returning('id')
  return { ...tenant, funnel, step, visitorId: visitor.id as number }
}

/** Inserts one stored event at `at` through the parent table (the partition is PostgreSQL's pick). */
async function insertEvent(
  t: Awaited<ReturnType<typeof tenantWithVisitor>>,
  at: Date,
  type = 'page_view'
) {
  await db.table('visitor_events').insert({
    workspace_id: t.workspace.id,
    visitor_id: t.visitorId,
    funnel_id: t.funnel.id,
    step_id: t.step.id,
    event_type: type,
    event_id: randomUUID(),
    created_at: at,
  })
}

async function countEvents(workspaceId: number) {
  const [row] = await db.from('visitor_events').where('workspace_id', workspaceId).count('* as n')
  return Number(row.n)
}

const DAY = 86_400_000

test.group('visitor_events partitioned by month', (group) => {
  freshDatabase(group)
  group.each.setup(async () => {
    await queue.connection().del(new EventBuffer().key)
  })

  test('the table is partitioned by range of created_at, this month and three ahead exist', async ({
    assert,
  }) => {
    const { rows } = await db.rawQuery(
      `SELECT p.partstrat, a.attname FROM pg_partitioned_table p
         JOIN pg_attribute a ON a.attrelid = p.partrelid AND a.attnum = p.partattrs[0]
        WHERE p.partrelid = 'visitor_events'::regclass`
    )
    assert.deepEqual(rows, [{ partstrat: 'r', attname: 'created_at' }])
    await MaintainEventPartitions.handle()
    const names = await partitionNames()
    for (let ahead = 0; ahead <= 3; ahead++) {
      assert.include(names, partitionName(monthStart(new Date(), ahead)))
    }
    assert.include(names, 'visitor_events_default')
  })

  test('an event outside every month table lands in DEFAULT and moves to its own month later', async ({
    assert,
  }) => {
    const t = await tenantWithVisitor('acme')
    const far = new Date(Date.UTC(2031, 5, 15, 12))
    // Partitions outlive TRUNCATE: an earlier run's month table would take the row.
    await db.rawQuery(`DROP TABLE IF EXISTS event_partitions.visitor_events_y2031m06`)
    await insertEvent(t, far)
    const stranded = await db.rawQuery(
      `SELECT count(*)::int AS n FROM event_partitions.visitor_events_default`
    )
    assert.equal(stranded.rows[0].n, 1, 'no partition refused the insert')

    const first = await MaintainEventPartitions.handle()
    assert.include(first.created, 'visitor_events_y2031m06')
    assert.equal(first.moved, 1)
    const moved = await db.rawQuery(
      `SELECT count(*)::int AS n FROM event_partitions.visitor_events_y2031m06`
    )
    assert.equal(moved.rows[0].n, 1)
    const left = await db.rawQuery(
      `SELECT count(*)::int AS n FROM event_partitions.visitor_events_default`
    )
    assert.equal(left.rows[0].n, 0)
    assert.equal(await countEvents(t.workspace.id), 1, 'still read through the parent')

    const second = await MaintainEventPartitions.handle()
    assert.deepEqual(second, { created: [], moved: 0 }, 'idempotent')
  })

  test('a second beacon of the same event id at another time is stored once', async ({
    assert,
  }) => {
    const t = await tenantWithVisitor('acme')
    const eventId = randomUUID()
    const base: BufferedEvent = {
      workspaceId: t.workspace.id,
      sessionId: 'sess-dup-1',
      eventId,
      type: 'page_view',
      funnelId: t.funnel.id,
      stepId: t.step.id,
      occurredAt: new Date(Date.now() - 5_000).toISOString(),
      ip: null,
      userAgent: null,
    } as BufferedEvent
    const buffer = new EventBuffer()
    await buffer.append([base])
    await FlushVisitorEvents.handle()
    // The browser sends it again (a retried request): the server stamps a later time.
    await buffer.append([{ ...base, occurredAt: new Date().toISOString() }])
    await FlushVisitorEvents.handle()
    // …and twice within one batch.
    const other = randomUUID()
    await buffer.append([
      { ...base, eventId: other },
      { ...base, eventId: other, occurredAt: new Date(Date.now() + 1_000).toISOString() },
    ])
    await FlushVisitorEvents.handle()
    const rows = await db
      .from('visitor_events')
      .where('workspace_id', t.workspace.id)
      .select('event_id')
    assert.sameMembers(
      rows.map((row) => row.event_id),
      [eventId, other]
    )
  })

  test('retention follows each plan, keeps the daily rollups and drops months nobody keeps', async ({
    assert,
  }) => {
    const now = new Date()
    const short = await tenantWithVisitor('curto', 'essencial')
    const long = await tenantWithVisitor('longo', 'agencia')
    const old = new Date(now.getTime() - 200 * DAY)
    const ancient = new Date(now.getTime() - 1_000 * DAY)
    const recent = new Date(now.getTime() - 10 * DAY)
    await insertEvent(short, old)
    await insertEvent(short, recent)
    await insertEvent(long, old)
    // A month older than every plan (730 days at most): its table goes whole.
    await MaintainEventPartitions.handle()
    await db.rawQuery(createPartitionSql(monthStart(ancient)))
    await insertEvent(long, ancient)

    const result = await ApplyEventRetention.handle({ now })

    assert.equal(await countEvents(short.workspace.id), 1, 'essencial keeps 90 days')
    assert.equal(await countEvents(long.workspace.id), 1, 'agencia keeps 730 days')
    assert.include(result.droppedPartitions, partitionName(monthStart(ancient)))
    assert.notInclude(await partitionNames(), partitionName(monthStart(ancient)))
    assert.equal(result.deletedEvents, 1)

    // The removed day still counts on the dashboard: its rollup was built before the delete.
    const rolled = await db
      .from('analytics_daily')
      .where('workspace_id', short.workspace.id)
      .where('step_id', 0)
      .select('visitors')
    assert.isAtLeast(rolled.length, 1)
    assert.equal(Number(rolled[0].visitors), 1)
  })
})
