import db from '@adonisjs/lucid/services/db'
import type WebhookEndpoint from '#models/webhook_endpoint'
import type { WebhookEndpointData } from '#actions/webhook_endpoints/create_webhook_endpoint'

interface Params {
  endpoint: WebhookEndpoint
  data: WebhookEndpointData
}

/** Changes an endpoint's name, URL, events or state; the secret only changes by rotation. */
export default class UpdateWebhookEndpoint {
  static async handle({ endpoint, data }: Params) {
    await db.transaction(async (trx) => {
      endpoint.useTransaction(trx)
      endpoint.merge({
        name: data.name,
        url: data.url,
        events: data.events,
        ...(data.isActive !== undefined ? { isActive: data.isActive } : {}),
      })
      await endpoint.save()
    })
    return endpoint
  }
}
