import db from '@adonisjs/lucid/services/db'
import type Funnel from '#models/funnel'
import { DomainError } from '#exceptions/domain_error'
import { lockFunnel } from '#actions/steps/lock_funnel'
import { workspaceTable } from '#services/tenancy'

/**
 * Deletes a funnel with its steps, checkout configs and pixels (the foreign keys cascade).
 * Money records outlive funnels: a funnel with payments is refused (409) and should be archived.
 */
export default class DeleteFunnel {
  static async handle({ funnel }: { funnel: Funnel }) {
    await db.transaction(async (trx) => {
      const locked = await lockFunnel(trx, funnel)
      const payment = await workspaceTable(locked.workspaceId, 'payments', trx)
        .where('funnel_id', locked.id)
        .select('id')
        .first()
      if (payment) {
        throw new DomainError(409, 'funnel_has_payments', 'funnels.errors.has_payments')
      }
      await locked.useTransaction(trx).delete()
    })
  }
}
