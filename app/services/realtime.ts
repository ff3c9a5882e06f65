import transmit from '@adonisjs/transmit/services/main'

/**
 * Real-time events (the seed's WebSocket events over Transmit SSE). Broadcasts go through the
 * Redis transport, so a worker's event reaches browsers connected to any web instance.
 */
export type RealtimeEvent =
  | 'visitor_online'
  | 'visitor_offline'
  | 'visitor_step_change'
  | 'new_payment'
  | 'payment_status_change'
  /** A postback delivery was planned or attempted (Entregas and the payment page refresh). */
  | 'delivery_updated'
  /** A payment gateway credential became unhealthy or healthy again (the admin banner). */
  | 'gateway_health_changed'

export const channels = {
  workspace: (workspaceId: number) => `workspaces/${workspaceId}`,
  funnel: (workspaceId: number, funnelId: number) =>
    `workspaces/${workspaceId}/funnels/${funnelId}`,
  payment: (publicToken: string) => `payments/${publicToken}`,
}

type Payload = Record<string, string | number | boolean | null>

/** Sends an event to the workspace channel and, when it concerns a funnel, to that funnel's channel. */
export function broadcastToWorkspace(
  workspaceId: number,
  event: RealtimeEvent,
  data: Payload,
  funnelId?: number | null
) {
  const message = { event, ...data }
  transmit.broadcast(channels.workspace(workspaceId), message)
  if (funnelId) transmit.broadcast(channels.funnel(workspaceId, funnelId), message)
}

/** Sends an event to one buyer's checkout page. */
export function broadcastToPayment(publicToken: string, event: RealtimeEvent, data: Payload) {
  transmit.broadcast(channels.payment(publicToken), { event, ...data })
}
