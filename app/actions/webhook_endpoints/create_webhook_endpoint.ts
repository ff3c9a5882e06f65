import { randomBytes } from 'node:crypto'
import db from '@adonisjs/lucid/services/db'
import type Workspace from '#models/workspace'
import type { WebhookEventName } from '#integrations/webhooks/outbound'

export interface WebhookEndpointData {
  name: string
  url: string
  events: WebhookEventName[]
  isActive?: boolean
}

/**
 * A new signing secret: `whsec_` and 32 random bytes in hex. Hex rather than base64url so the
 * mask (`whsec_…a1b2`, see maskSecret) never mistakes random characters for part of the prefix.
 */
export function newWebhookSecret() {
  return `whsec_${randomBytes(32).toString('hex')}`
}

interface Params {
  workspace: Workspace
  data: WebhookEndpointData
}

/**
 * Registers an agency endpoint with a server-generated secret (encrypted by the model). The
 * returned model still holds the plain secret: the caller shows it this once.
 */
export default class CreateWebhookEndpoint {
  static async handle({ workspace, data }: Params) {
    return db.transaction((trx) =>
      workspace.related('webhookEndpoints').create(
        {
          name: data.name,
          url: data.url,
          events: data.events,
          isActive: data.isActive ?? true,
          secret: newWebhookSecret(),
        },
        { client: trx }
      )
    )
  }
}
