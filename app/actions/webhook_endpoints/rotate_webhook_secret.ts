import db from '@adonisjs/lucid/services/db'
import type WebhookEndpoint from '#models/webhook_endpoint'
import { newWebhookSecret } from '#actions/webhook_endpoints/create_webhook_endpoint'

/**
 * "Gerar novo segredo": replaces the signing secret at once, with no overlap. Every delivery
 * sent from now on (retries of older ones included, they are signed when sent) uses the new
 * one. The returned model holds the plain secret: the caller shows it this once.
 */
export default class RotateWebhookSecret {
  static async handle({ endpoint }: { endpoint: WebhookEndpoint }) {
    await db.transaction(async (trx) => {
      endpoint.useTransaction(trx)
      endpoint.secret = newWebhookSecret()
      await endpoint.save()
    })
    return endpoint
  }
}
