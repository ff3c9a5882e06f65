import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { freshDatabase } from '#tests/helpers/database'

test.group('Tracking: query plans of the flush on a fresh database', (group) => {
  freshDatabase(group)

  test('the visitor foreign-key check of each event is an exact index lookup, even without statistics', async ({
    assert,
  }) => {
    /**
     * The check PostgreSQL runs for every inserted event, planned generically as its RI
     * triggers do, on just-truncated tables (no statistics). Before the (workspace_id, id)
     * attribution index it filtered the whole workspace through another index, per event.
     */
    const plan = await db.transaction(async (trx) => {
      /**
       * A brand-new database: TRUNCATE keeps column statistics from earlier runs, so they are
       * dropped here (inside the transaction, rolled back with it).
       */
      await trx.rawQuery(`DELETE FROM pg_statistic WHERE starelid = 'visitors'::regclass`)
      await trx.rawQuery('SET LOCAL plan_cache_mode = force_generic_plan')
      await trx.rawQuery(
        `PREPARE visitor_fk_check(int, int) AS
           SELECT 1 FROM ONLY visitors x WHERE workspace_id = $1 AND id = $2 FOR KEY SHARE OF x`
      )
      const { rows } = await trx.rawQuery('EXPLAIN EXECUTE visitor_fk_check(1, 1)')
      await trx.rawQuery('DEALLOCATE visitor_fk_check')
      await trx.rollback()
      return rows.map((row: { 'QUERY PLAN': string }) => row['QUERY PLAN']).join('\n')
    })
    assert.match(plan, /Index Cond: \(\(workspace_id = \$1\) AND \(id = \$2\)\)/)
    assert.notMatch(plan, /Filter: \(id = \$2\)/)
  })
})
