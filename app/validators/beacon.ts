import vine from '@vinejs/vine'
import { VISITOR_EVENT_TYPES } from '#enums/funnels'
import {
  byteLength,
  cleanText,
  DATA_MAX_BYTES,
  DATA_MAX_DEPTH,
  depthOf,
  URL_MAX_LENGTH,
  vineId,
} from '#services/public_input'

/** Events the browser may report; payment events only come from the server. */
export const BEACON_EVENT_TYPES = VISITOR_EVENT_TYPES.filter((type) => !type.startsWith('payment_'))

/**
 * An event's free-form `data`: at most 4 KB as JSON and 5 levels deep, so one beacon cannot
 * store a megabyte or a structure PostgreSQL's jsonb parser refuses.
 */
const boundedData = vine.createRule((value, _options, field) => {
  if (!value || typeof value !== 'object') return
  if (depthOf(value, DATA_MAX_DEPTH) > DATA_MAX_DEPTH) {
    field.report('Data nested too deeply', 'data_depth', field)
  } else if (byteLength(JSON.stringify(value)) > DATA_MAX_BYTES) {
    field.report('Data too large', 'data_size', field)
  }
})

/** A URL as the page saw it: kept, cut to 2,000 characters (the event matters more than its tail). */
const pageUrl = () =>
  vine
    .string()
    .transform((value) => cleanText(value, URL_MAX_LENGTH))
    .optional()

/** Events one beacon request may carry: the script sends at most this many per request. */
export const BEACON_MAX_EVENTS = 20

/**
 * The three shapes a beacon body may take, as `{ events }`: the batch the tracking script sends
 * (a JSON array of events), one event alone (`{ id, type, … }`), and `{ events: [...] }` (what
 * the script sent before batching, and API-style clients). Anything else is left as is and
 * fails validation.
 */
export function beaconBody(body: unknown) {
  if (Array.isArray(body)) return { events: body }
  if (body && typeof body === 'object' && !('events' in body) && 'type' in body) {
    return { events: [body] }
  }
  return body
}

/**
 * What the tracking script posts (`navigator.sendBeacon`, JSON as text/plain): the queued
 * events of the page it runs on. Each carries a client-made UUID, the id the browser pixel also
 * used, and the id the flush de-duplicates on. Ids are those of int4 columns; a wrong type is a
 * 422, never a stored surprise.
 *
 * A batch is all or nothing: one invalid event makes the whole request a 422 with the field
 * errors of every bad event (`events.3.type`), and nothing is buffered. Our script only sends
 * events it made, so a bad one means a broken or forged client; accepting part of a batch would
 * leave that client unable to tell which events to send again.
 */
export const beaconValidator = vine.create({
  events: vine
    .array(
      vine.object({
        id: vine.string().uuid(),
        type: vine.enum(BEACON_EVENT_TYPES),
        funnelId: vineId().nullable().optional(),
        stepId: vineId().nullable().optional(),
        /** The A/B variant the page showed; the flush keeps it only for a test of that step. */
        variantId: vineId().nullable().optional(),
        url: pageUrl(),
        referrer: pageUrl(),
        data: vine.record(vine.any().nullable()).use(boundedData()).optional(),
      })
    )
    .minLength(1)
    .maxLength(BEACON_MAX_EVENTS),
})
