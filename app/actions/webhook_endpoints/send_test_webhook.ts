import logger from '@adonisjs/core/services/logger'
import type Workspace from '#models/workspace'
import type WebhookEndpoint from '#models/webhook_endpoint'
import { sendWebhook } from '#integrations/webhooks/outbound'

/** The answer of "Enviar teste". */
export interface TestWebhookResult {
  ok: boolean
  /** Null when no HTTP answer arrived (timeout, refused connection, blocked address). */
  httpStatus: number | null
  /** The first characters of the answer, or the failure's kind (`timeout`, `unreachable`, `blocked`). */
  excerpt: string | null
  durationMs: number
}

export const TEST_EVENT = 'webhook.test'

interface Params {
  workspace: Workspace
  endpoint: WebhookEndpoint
}

/**
 * "Enviar teste": posts a signed `webhook.test` event to the endpoint, exactly as a real delivery
 * is signed, so the agency can check its verification. The user waits for the answer, so it is
 * sent inside the request (the HTTP client's deadline bounds it). It is not a postback delivery:
 * nothing is recorded, and `x-funil-delivery` is 0 (no delivery row). Sent even to an inactive
 * endpoint: the user asked for it.
 */
export default class SendTestWebhook {
  static async handle({ workspace, endpoint }: Params): Promise<TestWebhookResult> {
    const body = {
      event: TEST_EVENT,
      occurredAt: new Date().toISOString(),
      data: { endpointId: endpoint.id, workspace: workspace.slug },
    }
    const outcome = await sendWebhook(endpoint.url, endpoint.secret, body, {
      deliveryId: 0,
      event: TEST_EVENT,
    })
    logger.info(
      {
        workspaceId: workspace.id,
        webhookEndpointId: endpoint.id,
        ok: outcome.ok,
        httpStatus: outcome.httpStatus,
        ms: outcome.durationMs,
      },
      'webhook endpoint test'
    )
    return {
      ok: outcome.ok,
      httpStatus: outcome.httpStatus,
      excerpt: outcome.excerpt,
      durationMs: outcome.durationMs,
    }
  }
}
