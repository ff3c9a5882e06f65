import app from '@adonisjs/core/services/app'
import { type HttpContext, ExceptionHandler } from '@adonisjs/core/http'
import type { StatusPageRange, StatusPageRenderer } from '@adonisjs/core/types/http'
import { t } from '#services/i18n'
import { answerUnavailable, isOutageError } from '#services/outage'

/** PostgreSQL errors that are the client's fault, with the status the API answers. */
const PG_CLIENT_ERRORS: Record<string, { status: number; rule: string; key: string }> = {
  '23505': { status: 409, rule: 'unique', key: 'validation.unique' },
  '23503': { status: 409, rule: 'reference', key: 'errors.conflict_reference' },
  '23514': { status: 422, rule: 'check', key: 'errors.invalid_value' },
  '22P02': { status: 422, rule: 'format', key: 'errors.invalid_value' },
  '22003': { status: 422, rule: 'range', key: 'errors.invalid_value' },
}

/** Framework error codes the API answers with their own status and message. */
const KNOWN_ERRORS: Record<string, { status: number; rule: string; key: string }> = {
  E_UNAUTHORIZED_ACCESS: { status: 401, rule: 'unauthenticated', key: 'auth.unauthenticated' },
  E_INVALID_CREDENTIALS: {
    status: 400,
    rule: 'invalid_credentials',
    key: 'auth.invalid_credentials',
  },
  E_AUTHORIZATION_FAILURE: { status: 403, rule: 'forbidden', key: 'auth.forbidden' },
  /** A cookie-authenticated write without a valid CSRF token (config/shield.ts). */
  E_BAD_CSRF_TOKEN: { status: 403, rule: 'csrf', key: 'auth.csrf' },
  E_ROW_NOT_FOUND: { status: 404, rule: 'not_found', key: 'errors.not_found' },
  E_ROUTE_NOT_FOUND: { status: 404, rule: 'not_found', key: 'errors.not_found' },
  E_TOO_MANY_REQUESTS: { status: 429, rule: 'too_many_requests', key: 'errors.too_many_requests' },
}

/**
 * Turns every error into the right answer: the JSON API always gets
 * `{ errors: [{ field?, rule, message }] }` with a 4xx for client mistakes (never a 500 for bad
 * input); admin pages get Inertia's redirect-with-errors or a pt-BR status page.
 */
export default class HttpExceptionHandler extends ExceptionHandler {
  protected debug = !app.inProduction

  /** pt-BR status pages everywhere but in development, where the debug page helps more. */
  protected renderStatusPages = app.inProduction || app.inTest

  protected statusPages: Record<StatusPageRange, StatusPageRenderer> = {
    '404': (_, { inertia }) => inertia.render('errors/not_found', {}),
    '500..599': (_, { inertia }) => inertia.render('errors/server_error', {}),
  }

  async handle(error: unknown, ctx: HttpContext) {
    /** PostgreSQL or Redis away: 503 + Retry-After within the timeouts, never a 500. */
    if (isOutageError(error)) return answerUnavailable(ctx, error, this.#wantsJson(ctx))
    /** Every throttle (public endpoints, login) answers 429 with Retry-After, on every path. */
    const retryAfter = retryAfterOf(error)
    if (retryAfter !== null) ctx.response.header('Retry-After', String(retryAfter))
    if (this.#wantsJson(ctx)) {
      return this.#renderJson(error, ctx)
    }
    /** A body that cannot be read or a value PostgreSQL refuses is the client's 4xx on pages too. */
    const client = clientErrorOf(error)
    if (client) {
      return ctx.response.status(client.status).send(t(ctx.locale ?? 'pt-BR', client.key))
    }
    /**
     * The admin hides what a role may not do; a write that still arrives was crafted, so it
     * gets a plain 403 rather than Bouncer's redirect-back.
     */
    if ((error as any)?.code === 'E_AUTHORIZATION_FAILURE') {
      return ctx.response.status(403).send(t(ctx.locale ?? 'pt-BR', 'auth.forbidden'))
    }
    return super.handle(error, ctx)
  }

  async report(error: unknown, ctx: HttpContext) {
    /** A malformed request is the client's mistake, answered with a 4xx: not an incident. */
    if (clientErrorOf(error)) return
    return super.report(error, ctx)
  }

  /**
   * A failed form post (without Inertia) flashes its input back through the session cookie;
   * the session middleware's default flashes every field whatever its size, so a 900 KB e-mail
   * became a 1.2 MB cookie. Only short scalar values go back (never passwords).
   */
  async renderValidationErrorAsHTML(error: any, ctx: HttpContext) {
    const session = (ctx as any).session
    if (!session) return super.renderValidationErrorAsHTML(error, ctx)
    session.flashValidationErrors(error, false)
    if (!ctx.request.header('x-inertia')) {
      session.flash('input', flashableInput(ctx.request.original() ?? {}))
    }
    ctx.response.redirect('back', true)
  }

  #wantsJson(ctx: HttpContext) {
    if (ctx.request.url().startsWith('/api/')) return true
    if (ctx.request.header('x-inertia')) return false
    return ctx.request.accepts(['html', 'json']) === 'json'
  }

  async #renderJson(error: any, ctx: HttpContext) {
    const locale = ctx.locale ?? 'pt-BR'
    const send = (status: number, errors: Array<Record<string, unknown>>) =>
      ctx.response.status(status).send({ errors })

    /** Errors that render themselves (ApiError) keep their own shape. */
    if (typeof error?.handle === 'function' && error.code !== 'E_VALIDATION_ERROR') {
      const known = KNOWN_ERRORS[error.code]
      if (!known) return error.handle(error, ctx)
    }

    if (error?.code === 'E_VALIDATION_ERROR' && Array.isArray(error.messages)) {
      return send(
        422,
        error.messages.map((m: any) => ({ field: m.field, rule: m.rule, message: m.message }))
      )
    }

    const known = KNOWN_ERRORS[error?.code]
    if (known) {
      const field = known.rule === 'invalid_credentials' ? { field: 'email' } : {}
      return send(known.status, [{ ...field, rule: known.rule, message: t(locale, known.key) }])
    }

    const client = clientErrorOf(error)
    if (client && !PG_CLIENT_ERRORS[error?.code]) {
      return send(client.status, [{ rule: client.rule, message: t(locale, client.key) }])
    }

    const pg = PG_CLIENT_ERRORS[error?.code]
    if (pg) {
      const field = error.constraint ? { field: constraintField(error.constraint) } : {}
      return send(pg.status, [
        { ...field, rule: pg.rule, message: t(locale, pg.key, { field: '' }) },
      ])
    }

    const status = Number(error?.status)
    if (status >= 400 && status < 500) {
      return send(status, [{ rule: error.code ?? 'bad_request', message: error.message }])
    }

    await this.report(error, ctx)
    return send(500, [{ rule: 'server_error', message: t(locale, 'errors.server') }])
  }
}

/** Seconds a throttled client must wait: the limiter's own error, or a 429 ApiError's `seconds`. */
function retryAfterOf(error: any): number | null {
  if (error?.status !== 429) return null
  const seconds = error.response?.availableIn ?? error.params?.seconds
  return Number.isFinite(seconds) ? Math.max(1, Math.ceil(seconds)) : null
}

/** Longest value (in characters) a failed form gets back through the session cookie. */
export const FLASH_VALUE_MAX = 1024

const NEVER_FLASHED = new Set([
  '_csrf',
  '_method',
  'password',
  'password_confirmation',
  'passwordConfirmation',
  'currentPassword',
])

/** Top-level scalar fields of at most FLASH_VALUE_MAX characters; objects and long values are dropped. */
export function flashableInput(input: Record<string, unknown>) {
  const kept: Record<string, string | number | boolean | null> = {}
  for (const [key, value] of Object.entries(input)) {
    if (NEVER_FLASHED.has(key) || key.length > 100) continue
    if (typeof value === 'string' && value.length <= FLASH_VALUE_MAX) kept[key] = value
    else if (value === null || typeof value === 'number' || typeof value === 'boolean') {
      kept[key] = value
    }
  }
  return kept
}

/**
 * Errors of reading a request that are the client's doing, whatever the route: a body that
 * does not inflate (`Content-Encoding: gzip` on plain bytes) or uses an unknown encoding, one
 * too large, malformed JSON, and any value PostgreSQL's data checks refuse (class 22: NUL,
 * out-of-range integer, bad inet…) or cannot nest (54001). Never a 500.
 */
function clientErrorOf(error: any): { status: number; rule: string; key: string } | null {
  const code = typeof error?.code === 'string' ? error.code : ''
  /** zlib's gzip/deflate (`Z_DATA_ERROR`) and brotli (`ERR__ERROR_FORMAT_…`) decoding errors. */
  const inflating = code.startsWith('Z_') || /node:zlib/.test(String(error?.stack ?? ''))
  if (inflating || code === 'E_ENCODING_UNSUPPORTED' || Number(error?.status) === 415) {
    const unsupported = code === 'E_ENCODING_UNSUPPORTED' || Number(error?.status) === 415
    return unsupported
      ? { status: 415, rule: 'bad_encoding', key: 'input.bad_encoding' }
      : { status: 400, rule: 'bad_encoding', key: 'input.bad_encoding' }
  }
  if (code === 'E_REQUEST_ENTITY_TOO_LARGE' || Number(error?.status) === 413) {
    return { status: 413, rule: 'too_large', key: 'input.too_large' }
  }
  if (error instanceof SyntaxError || code === 'E_REQUEST_ABORTED') {
    return { status: 400, rule: 'bad_body', key: 'input.bad_body' }
  }
  if (/^22[0-9A-Z]{3}$/.test(code) || code === '54001') {
    return { status: 422, rule: 'format', key: 'errors.invalid_value' }
  }
  return null
}

/** `funnels_workspace_id_slug_unique` → `slug`: the last column of a unique constraint's name. */
function constraintField(constraint: string) {
  const parts = constraint.replace(/_(unique|fk|check|foreign)$/, '').split('_')
  return parts[parts.length - 1]
}
