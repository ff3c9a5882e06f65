import app from '@adonisjs/core/services/app'
import { type HttpContext, ExceptionHandler } from '@adonisjs/core/http'
import type { StatusPageRange, StatusPageRenderer } from '@adonisjs/core/types/http'
import { localeFromHeader, t } from '#services/i18n'
import { answerUnavailable, isOutageError } from '#services/outage'
import edge from 'edge.js'
import { isSiteHost, SITE_PREFIX } from '#services/site_host'
import { requestHost, requestHosts } from '#services/request_host'
import { resolveWorkspaceByHost } from '#services/tenant_host'
import { pageLocale } from '#services/step_renderer'
import { wantsJson } from '#services/wants_json'
import { DomainError } from '#exceptions/domain_error'
import { GatewayError } from '#services/gateways/types'

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

  /**
   * Branded status pages in every environment (the admin's 403/404 too in development); only an
   * admin 5xx in development shows the framework's debug page, where the stack trace helps. The
   * public site never shows it (see #renderSiteError).
   */
  protected renderStatusPages = true

  protected statusPages: Record<StatusPageRange, StatusPageRenderer> = {
    '403': (_, { inertia }) => inertia.render('errors/forbidden', {}),
    '404': (_, { inertia }) => inertia.render('errors/not_found', {}),
    '500..599': async (error, ctx) => {
      if (!app.inProduction && !app.inTest) {
        const { Youch } = await import('youch')
        return new Youch().toHTML(error, { request: ctx.request.request })
      }
      return ctx.inertia.render('errors/server_error', {})
    },
  }

  async handle(thrown: unknown, ctx: HttpContext) {
    /** The one mapping of a failed gateway call, whoever made it (checkout, upsell, refresh, API). */
    const error = thrown instanceof GatewayError ? DomainError.fromGateway(thrown) : thrown
    /** PostgreSQL or Redis away: 503 + Retry-After within the timeouts, never a 500. */
    if (isOutageError(error)) return answerUnavailable(ctx, error, wantsJson(ctx))
    /** Every throttle (public endpoints, login) answers 429 with Retry-After, on every path. */
    const retryAfter = retryAfterOf(error)
    if (retryAfter !== null) ctx.response.header('Retry-After', String(retryAfter))
    if (error instanceof DomainError) return this.#renderDomainError(error, ctx)
    if (wantsJson(ctx)) {
      return this.#renderJson(error, ctx)
    }
    /** Funnel hosts: the buyer sees the workspace's branded page, in every environment. */
    if (requestHosts(ctx.request).some((host) => isSiteHost(host))) {
      /**
       * Not for the client's own mistakes (a 422 of validation, 413, 429…): those keep their
       * 4xx answer below; turning them into the 500 page broke "0 5xx on malformed input".
       */
      const status = Number((error as any)?.status)
      const clientMistake = status >= 400 && status < 500 && status !== 404
      if (clientErrorOf(error) === null && !clientMistake) return this.#renderSiteError(error, ctx)
    }
    /**
     * A plain form posted after the session itself expired (no signed-in user left in it, so
     * no CSRF secret either): a page saying so with the way back in. A live session with a
     * stale token keeps Shield's redirect-back.
     */
    const signedIn = Boolean((ctx as any).session?.get?.('auth_web'))
    if (
      (error as any)?.code === 'E_BAD_CSRF_TOKEN' &&
      !signedIn &&
      !ctx.request.header('x-inertia')
    ) {
      ctx.response.status(419)
      return this.#send(ctx, ctx.inertia.render('errors/session_expired', { loginUrl: '/login' }))
    }
    /**
     * An Inertia save with an expired session or a stale token: Shield's redirect-back would
     * look like a success to the client (the editor then said "Tudo salvo" over an unsaved
     * form). A plain 419 JSON (no X-Inertia header) reaches the page's onHttpException instead,
     * which keeps the form as typed and offers "Tentar novamente".
     */
    if ((error as any)?.code === 'E_BAD_CSRF_TOKEN' && ctx.request.header('x-inertia')) {
      const locale = ctx.locale ?? 'pt-BR'
      return ctx.response.status(419).json({
        code: signedIn ? 'csrf' : 'session_expired',
        message: t(locale, signedIn ? 'errors.csrf.save' : 'errors.session_expired.save'),
        loginUrl: '/login',
      })
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
    /**
     * Opening a page one's role may not see, or another workspace's record (a shared link):
     * the branded 403/404 page, whether Bouncer or an ApiError refused it.
     */
    const status = Number((error as any)?.status)
    if (ctx.request.method() === 'GET' && (status === 403 || status === 404)) {
      ctx.response.status(status)
      return this.#send(
        ctx,
        ctx.inertia.render(status === 403 ? 'errors/forbidden' : 'errors/not_found', {})
      )
    }
    if ((error as any)?.code === 'E_AUTHORIZATION_FAILURE') {
      return ctx.response.status(403).send(t(ctx.locale ?? 'pt-BR', 'auth.forbidden'))
    }
    return super.handle(error, ctx)
  }

  async report(error: unknown, ctx: HttpContext) {
    /** A malformed request is the client's mistake, answered with a 4xx: not an incident. */
    if (clientErrorOf(error)) return
    /**
     * A domain error is an expected answer (a 404, a refused coupon); a gateway failure is
     * counted and logged by the health-tracked gateway already.
     */
    if (error instanceof DomainError || error instanceof GatewayError) return
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

  /**
   * Public errors on a funnel host: unknown host, the workspace's bare address (no funnel in the
   * path), an unknown or archived funnel (a 404 from the router or a lookup) and server errors,
   * each with its own words, in the workspace's language (the visitor's when no workspace).
   */
  async #renderSiteError(error: any, ctx: HttpContext) {
    const status = Number(error?.status) === 404 || error?.code === 'E_ROW_NOT_FOUND' ? 404 : 500
    const workspace =
      ctx.workspace ?? (await resolveWorkspaceByHost(requestHost(ctx.request) ?? undefined))
    const locale = workspace
      ? pageLocale(workspace)
      : localeFromHeader(ctx.request.header('accept-language'))
    const path = ctx.request.parsedUrl.pathname ?? ''
    const kind =
      status === 500
        ? 'server_error'
        : !workspace
          ? 'unknown_host'
          : path === SITE_PREFIX || path === `${SITE_PREFIX}/`
            ? 'home'
            : 'not_found'
    const html = await edge.render('site/not_found', {
      lang: locale,
      code: status,
      kind,
      title: t(locale, `site.${kind}.title`),
      text: t(locale, `site.${kind}.text`),
    })
    return ctx.response
      .status(status)
      .header('Content-Type', 'text/html; charset=utf-8')
      .header('Cache-Control', 'no-store')
      .send(html)
  }

  /** What a status page rendered (HTML, or Inertia's page object), as the response body. */
  async #send(ctx: HttpContext, rendered: Promise<unknown> | unknown) {
    const body = await rendered
    if (body !== undefined && !ctx.response.hasLazyBody) ctx.response.send(body)
  }

  /**
   * A DomainError, rendered here and nowhere else, translated in the page's language (the
   * workspace's on a funnel host, the user's in the admin and the API):
   * - JSON (`wantsJson`): its status and `{ errors: [{ field?, rule, message }] }`;
   * - a funnel host: the branded message page (the visitor's way back is the page they came from);
   * - the admin: a field error like a failed validation; a 403/404 page on a GET; else the
   *   message flashed as `error` on the page the form came from.
   */
  async #renderDomainError(error: DomainError, ctx: HttpContext) {
    const site = requestHosts(ctx.request).some((host) => isSiteHost(host))
    const locale = site && ctx.workspace ? pageLocale(ctx.workspace) : (ctx.locale ?? 'pt-BR')
    const message = t(locale, error.key, error.params)
    const field = error.field ? { field: error.field } : {}
    if (wantsJson(ctx)) {
      return ctx.response.status(error.status).send({
        errors: [{ ...field, rule: error.rule, message }],
      })
    }
    if (site) {
      const notFound = error.status === 404
      const html = await edge.render('payments/message', {
        lang: locale,
        title: t(locale, notFound ? 'site.not_found.title' : 'pay_page.error_title'),
        text: notFound ? t(locale, 'site.not_found.text') : message,
        backUrl: notFound ? null : (error.backUrl ?? sameHostReferrer(ctx)),
        backLabel: t(locale, 'pay_page.try_again'),
      })
      return ctx.response
        .status(error.status)
        .header('Content-Type', 'text/html; charset=utf-8')
        .header('Cache-Control', 'no-store')
        .send(html)
    }
    /** Another workspace's id or a forbidden action: the 404/403 itself, never a redirect. */
    const refused = error.status === 403 || error.status === 404
    if (refused) {
      ctx.response.status(error.status)
      if (ctx.request.method() !== 'GET') return ctx.response.send(message)
      const page = error.status === 403 ? 'errors/forbidden' : 'errors/not_found'
      return this.#send(ctx, ctx.inertia.render(page, {}))
    }
    if (error.field) {
      return this.renderValidationErrorAsHTML(
        {
          code: 'E_VALIDATION_ERROR',
          messages: [{ field: error.field, rule: error.rule, message }],
        },
        ctx
      )
    }
    /**
     * A form that could not be done (a conflict, a gateway down) goes back to its page with the
     * message, like a failed validation.
     */
    const session = (ctx as any).session
    if (ctx.request.method() !== 'GET' && session) {
      session.flash('error', message)
      return ctx.response.redirect().back()
    }
    return ctx.response.status(error.status).send(message)
  }

  async #renderJson(error: any, ctx: HttpContext) {
    const locale = ctx.locale ?? 'pt-BR'
    const send = (status: number, errors: Array<Record<string, unknown>>) =>
      ctx.response.status(status).send({ errors })

    /** Errors that render themselves keep their own shape. */
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

/** The path of the page the request came from when it is on this host (a form's way back). */
function sameHostReferrer(ctx: HttpContext): string | null {
  const referrer = ctx.request.header('referer')
  if (!referrer) return null
  try {
    const url = new URL(referrer)
    return url.hostname === requestHost(ctx.request) ? `${url.pathname}${url.search}` : null
  } catch {
    return null
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
