import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'
import { claimStream, ownsStream, STREAM_UID, streamPrincipal } from '#services/stream_owners'
import { t } from '#services/i18n'

/**
 * Transmit's routes (`/__transmit/events`, `subscribe`, `unsubscribe`) for their stream's owner
 * only: opening a stream binds its uid to the session or token that opened it; subscribing or
 * unsubscribing with that uid from anyone else is a 403, and so is opening a stream under a uid
 * someone else holds. Anonymous callers get a 401: nothing on the admin host streams to them.
 */
export default class StreamOwnerMiddleware {
  async handle(ctx: HttpContext, next: NextFn) {
    const refuse = (status: number, rule: string, key: string, field?: string) =>
      ctx.response.status(status).send({
        errors: [{ ...(field ? { field } : {}), rule, message: t(ctx.locale, key) }],
      })
    const uid = ctx.request.input('uid')
    if (typeof uid !== 'string' || !STREAM_UID.test(uid)) {
      return refuse(400, 'regex', 'errors.invalid_value', 'uid')
    }
    const principal = await streamPrincipal(ctx)
    if (!principal) return refuse(401, 'unauthenticated', 'auth.unauthenticated')

    const opening = ctx.request.method() === 'GET'
    const allowed = opening ? await claimStream(uid, principal) : await ownsStream(uid, principal)
    if (!allowed) return refuse(403, 'stream_owner', 'auth.forbidden')
    return next()
  }
}
