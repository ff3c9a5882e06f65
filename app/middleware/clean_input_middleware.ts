import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'
import { DomainError } from '#exceptions/domain_error'
import { BODY_MAX_DEPTH, cleanJson, cleanText, depthOf, isCleanJson } from '#services/public_input'

/**
 * Router middleware, right after the body parser: every parsed body and query string leaves
 * here without NUL or lone surrogates (#services/public_input), so no controller can hand
 * PostgreSQL a value it refuses, and a body nested deeper than any form of ours is a 422
 * before a validator or a recursive walk sees it. Bodies that are already clean (nearly all)
 * are not copied.
 */
export default class CleanInputMiddleware {
  async handle({ request }: HttpContext, next: NextFn) {
    const body = request.body()
    if (depthOf(body, BODY_MAX_DEPTH) > BODY_MAX_DEPTH) {
      throw new DomainError(422, 'depth', 'input.too_deep')
    }
    if (!isCleanJson(body)) request.updateBody(cleanJson(body))
    const qs = request.qs()
    if (!isCleanJson(qs)) request.updateQs(cleanJson(qs))
    /** The raw text is what the beacon parses and the webhook inbox stores. */
    const raw = request.raw()
    if (raw && raw.includes('\u0000')) request.updateRawBody(cleanText(raw))
    return next()
  }
}
