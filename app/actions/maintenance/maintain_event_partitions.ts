import db from '@adonisjs/lucid/services/db'
import {
  DEFAULT_PARTITION,
  EVENTS_TABLE,
  createPartitionSql,
  monthStart,
  monthsBetween,
  partitionBounds,
  partitionName,
} from '#services/event_partitions'

/** Advisory lock of the partition maintenance (two workers never reshape the table at once). */
const MAINTENANCE_LOCK = 7_102

/**
 * Keeps `visitor_events`' month tables ahead of time: the current month and the next
 * `monthsAhead` exist, so inserts never land in the DEFAULT partition. When some did (the job
 * was down across a month boundary), their month table is created and the rows moved out of
 * DEFAULT in the same transaction — PostgreSQL refuses a new partition whose range has rows in
 * DEFAULT, so it is detached for the move and attached again.
 */
export default class MaintainEventPartitions {
  static async handle({ monthsAhead = 3, now = new Date() } = {}) {
    return db.transaction(async (trx) => {
      await trx.rawQuery('SELECT pg_advisory_xact_lock(?)', [MAINTENANCE_LOCK])
      const existing = new Set(await partitionNames(trx))

      const stranded = await trx.rawQuery(
        `SELECT DISTINCT date_trunc('month', created_at AT TIME ZONE 'UTC') AS month
           FROM ${DEFAULT_PARTITION}`
      )
      const strandedMonths: Date[] = stranded.rows.map((row: { month: Date | string }) =>
        monthStart(asUtc(row.month))
      )
      let moved = 0
      const created: string[] = []
      if (strandedMonths.length) {
        await trx.rawQuery(`ALTER TABLE ${EVENTS_TABLE} DETACH PARTITION ${DEFAULT_PARTITION}`)
        for (const month of strandedMonths) {
          const name = partitionName(month)
          if (!existing.has(name)) {
            await trx.rawQuery(createPartitionSql(month))
            existing.add(name)
            created.push(name)
          }
          const { from, to } = partitionBounds(month)
          const result = await trx.rawQuery(
            `WITH gone AS (DELETE FROM ${DEFAULT_PARTITION}
                WHERE created_at >= ? AND created_at < ? RETURNING *)
             INSERT INTO ${EVENTS_TABLE} SELECT * FROM gone`,
            [from, to]
          )
          moved += result.rowCount ?? 0
        }
        await trx.rawQuery(
          `ALTER TABLE ${EVENTS_TABLE} ATTACH PARTITION ${DEFAULT_PARTITION} DEFAULT`
        )
      }

      for (const month of monthsBetween(now, monthsAhead, now)) {
        const name = partitionName(month)
        if (existing.has(name)) continue
        await trx.rawQuery(createPartitionSql(month))
        existing.add(name)
        created.push(name)
      }
      return { created, moved }
    })
  }
}

/** The partitions of visitor_events, by table name. */
export async function partitionNames(client: { rawQuery: typeof db.rawQuery } = db) {
  const { rows } = await client.rawQuery(
    `SELECT c.relname AS name FROM pg_inherits i
       JOIN pg_class c ON c.oid = i.inhrelid
      WHERE i.inhparent = ?::regclass ORDER BY c.relname`,
    [EVENTS_TABLE]
  )
  return rows.map((row: { name: string }) => row.name) as string[]
}

/** `date_trunc(... AT TIME ZONE 'UTC')` is a timestamp without zone: read it as UTC. */
function asUtc(value: Date | string): Date {
  if (value instanceof Date) {
    return new Date(Date.UTC(value.getFullYear(), value.getMonth(), value.getDate()))
  }
  return new Date(`${value.replace(' ', 'T')}Z`)
}
