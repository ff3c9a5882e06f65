import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'
import { claimStream, ownsStream, STREAM_UID, streamPrincipal } from '#services/stream_owners'

/**
 * Transmit's routes (`/__transmit/events`, `subscribe`, `unsubscribe`) for their stream's owner
 * only: opening a stream binds its uid to the session or token that opened it; subscribing or
 * unsubscribing with that uid from anyone else is a 403, and so is opening a stream under a uid
 * someone else holds. Anonymous callers get a 401: nothing on the admin host streams to them.
 */
export default class StreamOwnerMiddleware {
  async handle(ctx: HttpContext, next: NextFn) {
    const uid = ctx.request.input('uid')
    if (typeof uid !== 'string' || !STREAM_UID.test(uid)) {
      return ctx.response.badRequest({ errors: [{ field: 'uid', rule: 'uid', message: 'uid' }] })
    }
    const principal = await streamPrincipal(ctx)
    if (!principal) return ctx.response.unauthorized({ errors: [{ rule: 'unauthenticated' }] })

    const opening = ctx.request.method() === 'GET'
    const allowed = opening ? await claimStream(uid, principal) : await ownsStream(uid, principal)
    if (!allowed) return ctx.response.forbidden({ errors: [{ rule: 'stream_owner' }] })
    return next()
  }
}
