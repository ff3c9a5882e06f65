import type { HttpContext } from '@adonisjs/core/http'
import { beaconValidator } from '#validators/beacon'
import RecordBeacon from '#actions/tracking/record_beacon'
import { metaCookies, visitorSessionId } from '#services/visitor_session'
import { clientIp } from '#services/client_ip'

/** `POST /_funil/e` on a workspace host: validates, buffers, answers 204. */
export default class BeaconController {
  async store(ctx: HttpContext) {
    const { request, response, workspace } = ctx
    const body = request.raw() ? safeJson(request.raw()!) : request.body()
    const { events } = await beaconValidator.validate(body)
    await RecordBeacon.handle({
      workspace,
      sessionId: visitorSessionId(ctx),
      ip: clientIp(request),
      userAgent: request.header('user-agent') ?? null,
      metaCookies: metaCookies(ctx),
      events,
    })
    return response.noContent()
  }
}

/** sendBeacon posts JSON as text/plain; anything unparsable fails validation, not the server. */
function safeJson(raw: string) {
  try {
    return JSON.parse(raw)
  } catch {
    return {}
  }
}
