import type { DateTime } from 'luxon'
import type Credential from '#models/credential'
import Workspace from '#models/workspace'
import { broadcastToWorkspace } from '#services/realtime'
import { subscribedEndpoints } from '#actions/postbacks/destinations'
import RecordDeliveries from '#actions/postbacks/record_deliveries'

/** The body of `gateway.unhealthy`: which credential, what it says now, since when. */
export function gatewayUnhealthyWebhookBody(credential: Credential, occurredAt: Date) {
  return {
    event: 'gateway.unhealthy',
    occurredAt: occurredAt.toISOString(),
    data: {
      credential: {
        id: credential.id,
        service: credential.service,
        name: credential.name,
        health: credential.healthStatus,
        error: credential.healthError,
      },
    },
  }
}

/**
 * The payment gateway's credential just became unhealthy: a `gateway.unhealthy` webhook to
 * each of the agency's endpoints subscribed to it (through the deliveries mechanism: recorded,
 * signed, retried, visible in Entregas) and a live event so open admin pages show the banner.
 * The dedupe key carries the moment of the move, so one move is announced once even if the
 * caller is retried, and the next move (after it was healthy again) is announced again.
 */
export default class AnnounceGatewayUnhealthy {
  static async handle({
    credential,
    transitionAt,
  }: {
    credential: Credential
    transitionAt: DateTime
  }) {
    const workspace = await Workspace.findOrFail(credential.workspaceId)
    const endpoints = await subscribedEndpoints(workspace, 'gateway.unhealthy')
    const moment = transitionAt.toMillis()
    await RecordDeliveries.handle(
      workspace,
      endpoints.map((endpoint) => ({
        target: 'custom' as const,
        event: 'gateway.unhealthy',
        webhookEndpointId: endpoint.id,
        dedupeKey: `custom:gateway.unhealthy:${credential.id}:${moment}:${endpoint.id}`,
        request: { body: gatewayUnhealthyWebhookBody(credential, transitionAt.toJSDate()) },
      }))
    )
    broadcastToWorkspace(workspace.id, 'gateway_health_changed', {
      credentialId: credential.id,
      health: credential.healthStatus,
    })
  }
}
