import db from '@adonisjs/lucid/services/db'
import type Workspace from '#models/workspace'
import queue from '#services/queue'
import { DomainError } from '#exceptions/domain_error'

/**
 * "Reenviar": puts a dead or failed delivery back in line with a fresh job (its own id, so an
 * old failed job of the row does not block it). Attempts keep counting. A delivery that
 * succeeded is never sent again (409).
 */
export default class RedeliverPostback {
  static async handle(params: { workspace: Workspace; deliveryId: number }) {
    const delivery = await db.transaction(async (trx) => {
      const row = await params.workspace
        .related('postbackDeliveries')
        .query()
        .useTransaction(trx)
        .where('id', params.deliveryId)
        .forUpdate()
        .firstOrFail()
      if (row.status === 'succeeded') {
        throw new DomainError(409, 'already_delivered', 'deliveries.errors.already_delivered')
      }
      row.merge({ status: 'pending', nextAttemptAt: null })
      await row.useTransaction(trx).save()
      return row
    })
    await queue.dispatch('deliver_postback', {
      workspaceId: params.workspace.id,
      deliveryId: Number(delivery.id),
      redeliveryAt: Date.now(),
    })
    return delivery
  }
}
