/**
 * Real-time channels. Only members of a workspace may listen to it or to its funnels;
 * a buyer's checkout listens to its own payment, addressed by an unguessable token.
 */
import transmit from '@adonisjs/transmit/services/main'
import type { HttpContext } from '@adonisjs/core/http'
import { canSubscribeToWorkspace, canSubscribeToFunnel } from '#services/channel_authorization'
import { forgetLocalStream } from '#services/stream_owners'

/** A closed stream's uid stays bound in Redis (for its owner's reconnect), not in memory. */
transmit.on('disconnect', ({ uid }) => forgetLocalStream(uid))

transmit.authorize<{ id: string }>('workspaces/:id', (ctx: HttpContext, { id }) => {
  return canSubscribeToWorkspace(ctx, Number(id))
})

transmit.authorize<{ id: string; funnelId: string }>(
  'workspaces/:id/funnels/:funnelId',
  (ctx: HttpContext, { id, funnelId }) => {
    return canSubscribeToFunnel(ctx, Number(id), Number(funnelId))
  }
)
