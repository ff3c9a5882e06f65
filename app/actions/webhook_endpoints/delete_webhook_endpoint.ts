import db from '@adonisjs/lucid/services/db'
import type WebhookEndpoint from '#models/webhook_endpoint'

/**
 * Removes an endpoint. Its delivery rows stay for the history (the foreign key sets their
 * `webhook_endpoint_id` to null); a pending one then ends as `endpoint_disabled`.
 */
export default class DeleteWebhookEndpoint {
  static async handle({ endpoint }: { endpoint: WebhookEndpoint }) {
    await db.transaction(async (trx) => {
      endpoint.useTransaction(trx)
      await endpoint.delete()
    })
  }
}
