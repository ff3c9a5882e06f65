import vine from '@vinejs/vine'
import { VISITOR_EVENT_TYPES } from '#enums/funnels'

/** Events the browser may report; payment events only come from the server. */
export const BEACON_EVENT_TYPES = VISITOR_EVENT_TYPES.filter((type) => !type.startsWith('payment_'))

/**
 * What the tracking script posts (`navigator.sendBeacon`, JSON as text/plain): a few events of
 * the page it runs on. Each carries a client-made UUID, the id the browser pixel also used.
 */
export const beaconValidator = vine.create({
  events: vine
    .array(
      vine.object({
        id: vine.string().uuid(),
        type: vine.enum(BEACON_EVENT_TYPES),
        funnelId: vine.number().withoutDecimals().positive().nullable().optional(),
        stepId: vine.number().withoutDecimals().positive().nullable().optional(),
        url: vine.string().maxLength(2000).optional(),
        referrer: vine.string().maxLength(2000).optional(),
        data: vine.record(vine.any()).optional(),
      })
    )
    .minLength(1)
    .maxLength(20),
})
