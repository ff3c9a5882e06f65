import db from '@adonisjs/lucid/services/db'
import type Funnel from '#models/funnel'
import { ApiError } from '#exceptions/api_error'
import { lockFunnel } from '#actions/steps/lock_funnel'

/**
 * Deletes a funnel with its steps, checkout configs and pixels (the foreign keys cascade).
 * Money records outlive funnels: a funnel with payments is refused (409) and should be archived.
 */
export default class DeleteFunnel {
  static async handle({ funnel }: { funnel: Funnel }) {
    await db.transaction(async (trx) => {
      const locked = await lockFunnel(trx, funnel)
      const payment = await trx
        .from('payments')
        .where('workspace_id', locked.workspaceId)
        .where('funnel_id', locked.id)
        .select('id')
        .first()
      if (payment) {
        throw new ApiError(409, 'funnel_has_payments', 'funnels.errors.has_payments')
      }
      await locked.useTransaction(trx).delete()
    })
  }
}
