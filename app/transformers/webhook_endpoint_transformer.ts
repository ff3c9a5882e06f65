import { BaseTransformer } from '@adonisjs/core/transformers'
import type { WebhookEventName } from '#integrations/webhooks/outbound'
import type WebhookEndpoint from '#models/webhook_endpoint'
import { maskSecret } from '#transformers/credential_transformer'

/** A count read from the list query's `$extras` (null when the endpoint has no delivery). */
function count(endpoint: WebhookEndpoint, key: string) {
  return Number(endpoint.$extras[key] ?? 0)
}

/**
 * What pages and the API see of a webhook endpoint: the secret masked (`whsec_…a1b2`), and the
 * counts of its deliveries when it was loaded with them (see webhookEndpointsWithCounts).
 */
export default class WebhookEndpointTransformer extends BaseTransformer<WebhookEndpoint> {
  toObject() {
    const endpoint = this.resource
    return {
      id: endpoint.id,
      name: endpoint.name,
      url: endpoint.url,
      events: (endpoint.events ?? []) as WebhookEventName[],
      isActive: endpoint.isActive,
      secretHint: maskSecret(endpoint.secret),
      deliveries: {
        succeeded: count(endpoint, 'succeeded_count'),
        failed: count(endpoint, 'failed_count'),
        dead: count(endpoint, 'dead_count'),
      },
      createdAt: endpoint.createdAt.toISO(),
      updatedAt: endpoint.updatedAt?.toISO() ?? null,
    }
  }

  /**
   * The answer of create and of rotate-secret, the only ones that carry the secret in full:
   * the agency copies it now, it is never shown again.
   */
  withSecret() {
    return { ...this.toObject(), secret: this.resource.secret }
  }

  /**
   * Validator input of an API update: the stored endpoint with the request over it, so a client
   * sends only what changes.
   */
  static withChanges(endpoint: WebhookEndpoint, changes: Record<string, any>) {
    return {
      name: endpoint.name,
      url: endpoint.url,
      events: (endpoint.events ?? []) as WebhookEventName[],
      isActive: endpoint.isActive,
      ...changes,
    }
  }
}
