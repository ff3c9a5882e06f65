import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import Funnel from '#models/funnel'

/**
 * Locks the funnel row (`FOR UPDATE`) for the rest of the transaction. Every write to a funnel's
 * steps takes this lock first, so appends, deletions and reorders of one funnel run one after
 * the other and `order_index` stays dense. A funnel deleted meanwhile is a 404.
 */
export async function lockFunnel(trx: TransactionClientContract, funnel: Funnel) {
  return Funnel.forWorkspace(funnel.workspaceId, { client: trx })
    .where('id', funnel.id)
    .forUpdate()
    .firstOrFail()
}
