import type Workspace from '#models/workspace'
import { EventBuffer } from '#services/event_buffer'
import type { TrackingCookies } from '#services/attribution'

interface Params {
  workspace: Workspace
  sessionId: string
  ip: string | null
  userAgent: string | null
  /** The pixels' first-party cookies of the request (Meta, TikTok, GA4), when they set them. */
  metaCookies?: { fbc: string | null; fbp: string | null } & Partial<TrackingCookies>
  events: Array<{
    id: string
    type: string
    funnelId?: number | null
    stepId?: number | null
    variantId?: number | null
    url?: string
    referrer?: string
    data?: Record<string, unknown>
  }>
}

/**
 * Hands beacon events to the buffer and returns: no SQL inside the request, so an ad spike
 * costs one Redis round trip per beacon. The server's clock dates the events.
 */
export default class RecordBeacon {
  static async handle({ workspace, sessionId, ip, userAgent, metaCookies, events }: Params) {
    const occurredAt = new Date().toISOString()
    await new EventBuffer().append(
      events.map((event) => ({
        workspaceId: workspace.id,
        sessionId,
        eventId: event.id,
        type: event.type,
        funnelId: event.funnelId ?? null,
        stepId: event.stepId ?? null,
        variantId: event.variantId ?? null,
        occurredAt,
        ip,
        userAgent: userAgent?.slice(0, 500) ?? null,
        url: event.url ?? null,
        referrer: event.referrer || null,
        data: event.data ?? {},
        fbc: metaCookies?.fbc ?? null,
        fbp: metaCookies?.fbp ?? null,
        ttp: metaCookies?.ttp ?? null,
        gaClientId: metaCookies?.gaClientId ?? null,
        gaSessions: metaCookies?.gaSessions ?? {},
      }))
    )
  }
}
