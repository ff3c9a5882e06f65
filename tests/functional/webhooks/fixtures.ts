import { createHmac, timingSafeEqual } from 'node:crypto'
import type Workspace from '#models/workspace'
import type { StubRequest } from '#tests/helpers/stub_server'
import { WebhookEndpointFactory } from '#database/factories/webhook_endpoint_factory'
import { PostbackDeliveryFactory } from '#database/factories/postback_delivery_factory'
import type { DeliveryStatus } from '#enums/payments'

export function endpointOf(workspace: Workspace, overrides: Record<string, any> = {}) {
  return WebhookEndpointFactory.merge({ workspaceId: workspace.id, ...overrides }).create()
}

/** `count` deliveries of an endpoint in a status (target `custom`, as the planner writes them). */
export async function deliveriesOf(
  workspace: Workspace,
  endpointId: number,
  status: DeliveryStatus,
  count: number
) {
  for (let i = 0; i < count; i++) {
    await PostbackDeliveryFactory.merge({
      workspaceId: workspace.id,
      target: 'custom',
      event: 'payment.paid',
      webhookEndpointId: endpointId,
      status,
      dedupeKey: `custom:${endpointId}:${status}:${i}`,
    }).create()
  }
}

/**
 * What a receiver does: recompute `sha256=HMAC_SHA256(secret, "<timestamp>.<raw body>")` from the
 * headers it got and compare in constant time.
 */
export function verifiesWith(secret: string, request: StubRequest) {
  const timestamp = String(request.headers['x-funil-timestamp'] ?? '')
  const received = Buffer.from(String(request.headers['x-funil-signature'] ?? ''))
  const expected = Buffer.from(
    `sha256=${createHmac('sha256', secret).update(`${timestamp}.${request.rawBody}`).digest('hex')}`
  )
  return received.length === expected.length && timingSafeEqual(received, expected)
}

/** Field → rule of a 422 answer. */
export function rulesOf(body: any): Record<string, string> {
  return Object.fromEntries(body.errors.map((error: any) => [error.field, error.rule]))
}
