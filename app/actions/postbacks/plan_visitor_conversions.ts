import db from '@adonisjs/lucid/services/db'
import logger from '@adonisjs/core/services/logger'
import Workspace from '#models/workspace'
import type Visitor from '#models/visitor'
import { personOf, visitorTouch, type ConversionFact } from '#integrations/conversions'
import { leadWebhookBody } from '#integrations/webhooks/outbound'
import RecordDeliveries, { type PlannedDelivery } from '#actions/postbacks/record_deliveries'
import {
  conversionDestinations,
  conversionRequests,
  subscribedEndpoints,
} from '#actions/postbacks/destinations'

/** Visitor events that are conversions for the ad platforms, with our name of each. */
export const CONVERSION_EVENT_TYPES = {
  form_submit: 'Lead',
  checkout_view: 'InitiateCheckout',
} as const

interface ConversionEventRow {
  event_id: string
  event_type: keyof typeof CONVERSION_EVENT_TYPES
  visitor_id: number
  funnel_id: number | null
  step_id: number | null
  event_data: Record<string, any>
  created_at: Date
}

/**
 * Capture forms and checkout views of visitors, already stored by the beacon flush, become
 * server-side `Lead` / `InitiateCheckout` events (Meta CAPI, TikTok, GA4 where configured) with
 * the id the browser pixel used for the same event — so each platform counts one — and
 * `lead.created` webhooks to the agency's endpoints. One delivery per (event, destination): the
 * dedupe key carries the event's uuid, so replays of the flush plan nothing twice.
 */
export default class PlanVisitorConversions {
  static async handle(params: { workspaceId: number; eventIds: string[] }) {
    const workspace = await Workspace.findOrFail(params.workspaceId)
    if (!params.eventIds.length) return { planned: 0, dispatched: 0 }
    const { rows } = await db.rawQuery<{ rows: ConversionEventRow[] }>(
      `SELECT event_id, event_type, visitor_id, funnel_id, step_id, event_data, created_at
         FROM visitor_events
        WHERE workspace_id = ? AND event_id = ANY(?::uuid[]) AND event_type = ANY(?::text[])
        ORDER BY id`,
      [workspace.id, params.eventIds, Object.keys(CONVERSION_EVENT_TYPES)]
    )
    if (!rows.length) return { planned: 0, dispatched: 0 }

    const visitors = await workspace
      .related('visitors')
      .query()
      .whereIn('id', [...new Set(rows.map((row) => row.visitor_id))])
    const visitorById = new Map(visitors.map((visitor) => [visitor.id, visitor]))
    const destinations = await conversionDestinations(workspace)
    const leadEndpoints = rows.some((row) => row.event_type === 'form_submit')
      ? await subscribedEndpoints(workspace, 'lead.created')
      : []

    const planned: PlannedDelivery[] = []
    for (const row of rows) {
      /**
       * One event that cannot be planned (a malformed lead, say) is skipped and logged: it must
       * not fail the job, which would leave every other conversion of the batch unplanned.
       */
      const mine: PlannedDelivery[] = []
      try {
        const visitor = visitorById.get(row.visitor_id)
        if (!visitor) continue
        const kind = CONVERSION_EVENT_TYPES[row.event_type]
        const lead = { ...(visitor.lead ?? {}), ...((row.event_data?.lead ?? {}) as object) }
        const fact = this.#fact(kind, row, visitor, lead)
        const base = { visitorId: visitor.id, paymentId: null }
        const key = (target: string, suffix?: number) =>
          [target, 'event', row.event_id, suffix].filter((part) => part !== undefined).join(':')

        for (const conversion of conversionRequests(fact, destinations)) {
          mine.push({ ...base, ...conversion, dedupeKey: key(conversion.target) })
        }
        if (row.event_type === 'form_submit') {
          for (const endpoint of leadEndpoints) {
            mine.push({
              ...base,
              target: 'custom',
              event: 'lead.created',
              webhookEndpointId: endpoint.id,
              dedupeKey: key('custom', endpoint.id),
              request: {
                body: leadWebhookBody(lead, visitor, {
                  eventId: row.event_id,
                  funnelId: row.funnel_id,
                  stepId: row.step_id,
                  occurredAt: new Date(row.created_at),
                }),
              },
            })
          }
        }
      } catch (error) {
        logger.warn(
          { err: error, workspaceId: workspace.id, eventId: row.event_id },
          'conversion not planned: malformed event'
        )
        continue
      }
      planned.push(...mine)
    }
    return RecordDeliveries.handle(workspace, planned)
  }

  static #fact(
    kind: ConversionFact['kind'],
    row: ConversionEventRow,
    visitor: Visitor,
    lead: Record<string, string>
  ): ConversionFact {
    return {
      kind,
      eventId: row.event_id,
      time: Math.floor(new Date(row.created_at).getTime() / 1000),
      url: typeof row.event_data?.url === 'string' ? row.event_data.url : visitor.landingUrl,
      person: personOf(lead),
      touch: visitorTouch(visitor),
      externalId: visitor.publicId,
    }
  }
}
