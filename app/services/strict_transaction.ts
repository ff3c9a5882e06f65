import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'

/**
 * A transaction that checks its deferred constraints before committing. `funnel_steps`' unique
 * (funnel_id, order_index) is DEFERRABLE INITIALLY DEFERRED (reorders swap positions), and a
 * violation found at COMMIT is lost by knex: the commit rolls back, no error is raised, and the
 * caller believes the write succeeded. `SET CONSTRAINTS ALL IMMEDIATE` as the last statement
 * runs those checks while the error can still reach the caller.
 */
export function strictTransaction<T>(
  callback: (trx: TransactionClientContract) => Promise<T>
): Promise<T> {
  return db.transaction(async (trx) => {
    const result = await callback(trx)
    await trx.rawQuery('SET CONSTRAINTS ALL IMMEDIATE')
    return result
  })
}
