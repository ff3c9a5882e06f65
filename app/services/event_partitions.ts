/**
 * The monthly partitions of `visitor_events` (migration 1765090000010): one table per calendar
 * month in UTC, named `visitor_events_y2026m12`, plus `visitor_events_default` for anything no
 * month table covers yet (so an insert is never refused for want of a partition). They live in
 * their own schema: queries go through the parent, and the generated model schemas
 * (database/schema.ts, from `public`) do not grow a class per month.
 */

export const EVENTS_TABLE = 'visitor_events'
export const PARTITION_SCHEMA = 'event_partitions'
export const DEFAULT_PARTITION = `${PARTITION_SCHEMA}.visitor_events_default`

/** A partition's schema-qualified name. */
export const qualified = (name: string) => `${PARTITION_SCHEMA}.${name}`

/** The first instant of the UTC month `date` falls in, moved by `offset` months. */
export function monthStart(date: Date, offset = 0): Date {
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + offset, 1))
}

export function partitionName(month: Date): string {
  const m = String(month.getUTCMonth() + 1).padStart(2, '0')
  return `${EVENTS_TABLE}_y${month.getUTCFullYear()}m${m}`
}

/** `FOR VALUES` bounds of a month, as timestamptz literals. */
export function partitionBounds(month: Date): { from: string; to: string } {
  return { from: monthStart(month).toISOString(), to: monthStart(month, 1).toISOString() }
}

export function createPartitionSql(month: Date): string {
  const { from, to } = partitionBounds(month)
  return `CREATE TABLE IF NOT EXISTS ${qualified(partitionName(month))} PARTITION OF ${EVENTS_TABLE}
    FOR VALUES FROM ('${from}') TO ('${to}')`
}

/** Every month from `oldest`'s to `monthsAhead` months after the current one. */
export function monthsBetween(oldest: Date, monthsAhead: number, now = new Date()): Date[] {
  const months: Date[] = []
  const last = monthStart(now, monthsAhead)
  for (let month = monthStart(oldest); month <= last; month = monthStart(month, 1)) {
    months.push(month)
  }
  return months
}

export function monthlyPartitionsSql(oldest: Date, monthsAhead: number, now = new Date()) {
  return monthsBetween(oldest, monthsAhead, now).map(createPartitionSql)
}

/** Parses a partition's name back to its month (null for the default or a foreign table). */
export function partitionMonth(name: string): Date | null {
  const match = /^visitor_events_y(\d{4})m(\d{2})$/.exec(name)
  return match ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, 1)) : null
}
