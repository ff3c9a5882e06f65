import type { HttpContext } from '@adonisjs/core/http'
import { beaconBody, beaconValidator } from '#validators/beacon'
import RecordBeacon from '#actions/tracking/record_beacon'
import { metaCookies, visitorSessionId } from '#services/visitor_session'
import { DomainError } from '#exceptions/domain_error'
import {
  BEACON_MAX_BYTES,
  BODY_MAX_DEPTH,
  byteLength,
  cleanJson,
  depthOf,
} from '#services/public_input'
import { clientIp } from '#services/client_ip'

/**
 * `POST /_funil/e` on a workspace host: validates the batch (at most 20 events, all or nothing),
 * buffers it in one Redis round trip, answers 204.
 */
export default class BeaconController {
  async store(ctx: HttpContext) {
    const { request, response, workspace } = ctx
    const raw = request.raw()
    /** A browser's sendBeacon refuses more than 64 KiB; more than that is not our script. */
    if (raw && byteLength(raw) > BEACON_MAX_BYTES) {
      throw new DomainError(413, 'too_large', 'input.too_large')
    }
    /** A batch (array), one event, or `{ events }`: see beaconBody. */
    const body = beaconBody(raw ? parseBeacon(raw) : request.body())
    /** In the page's language: the request's (public_workspace_middleware). */
    const { events } = await beaconValidator.validate(body)
    await RecordBeacon.handle({
      workspace,
      sessionId: visitorSessionId(ctx),
      ip: clientIp(request),
      userAgent: request.header('user-agent') ?? null,
      metaCookies: metaCookies(ctx),
      /** A lead only comes from the capture form (PagesController): a beacon cannot forge one. */
      events: events.map((event) => {
        if (!event.data || !('lead' in event.data)) return event
        const data = { ...event.data }
        delete data.lead
        return { ...event, data }
      }),
    })
    return response.noContent()
  }
}

/**
 * sendBeacon posts JSON as text/plain, which the body parser leaves raw: parsed and cleaned
 * here as the parser and the input middleware do for JSON. Anything unparsable fails
 * validation, an absurdly deep body is a 422: never the server.
 */
function parseBeacon(raw: string) {
  let parsed: unknown
  try {
    parsed = JSON.parse(raw)
  } catch {
    return {}
  }
  if (depthOf(parsed, BODY_MAX_DEPTH) > BODY_MAX_DEPTH) {
    throw new DomainError(422, 'depth', 'input.too_deep')
  }
  return cleanJson(parsed)
}
