import db from '@adonisjs/lucid/services/db'
import { TtlCache } from '#services/ttl_cache'
import limiter from '@adonisjs/limiter/services/main'
import type { Group } from '@japa/runner/core'

let tables: string[] | undefined

/** Empties every application table in one statement (ids restart, foreign keys cascade). */
export async function truncateAll() {
  if (!tables) {
    const rows = await db
      .from('pg_tables')
      .where('schemaname', 'public')
      .whereNotIn('tablename', ['adonis_schema', 'adonis_schema_versions'])
      .select('tablename')
    tables = rows.map((row) => `"${row.tablename}"`)
  }
  if (tables.length) await db.rawQuery(`TRUNCATE ${tables.join(', ')} RESTART IDENTITY CASCADE`)
}

/**
 * Every test starts from empty tables. Truncation rather than a global transaction because the
 * worker runs in another process and payment tests need real concurrent transactions.
 */
export function freshDatabase(group: Group) {
  group.each.setup(async () => {
    await truncateAll()
    TtlCache.clearAll()
    /** Ids restart with the tables, so throttle keys (workspace + IP) would carry over. */
    await limiter.clear(['memory'])
  })
}
