import type { HttpContext } from '@adonisjs/core/http'
import logger from '@adonisjs/core/services/logger'
import edge from 'edge.js'
import { t, type Locale } from '#services/i18n'
import { pageLocale } from '#services/step_renderer'
import { SITE_PREFIX } from '#services/site_host'

/**
 * Whether an error means "a dependency is away" (PostgreSQL or Redis down, hung, restarting or
 * out of connections) rather than a bug or bad input. Requests answer those with 503 and
 * Retry-After — the client should simply try again in a moment — and recover by themselves
 * when the dependency is back (connections are re-made per attempt).
 */
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
  'ENOTFOUND',
])

/**
 * PostgreSQL SQLSTATEs: 08xxx connection exceptions, 53300 too many connections, 57014 query
 * canceled (statement timeout), 57P01-57P03 shutdown / crash / cannot connect now.
 */
const PG_CODES = /^(08...|53300|57014|57P0[1-3])$/

const MESSAGES = [
  /** knex: pool acquire timeout. */
  /Timeout acquiring a connection/i,
  /** pg: server gone, connect timeout. */
  /Connection terminated/i,
  /timeout expired/i,
  /** ioredis: offline queue disabled, command timeout, connection closed, retries spent. */
  /enableOfflineQueue options is false/,
  /Command timed out/,
  /Connection is closed/,
  /Reached the max retries per request limit/,
  /** rate-limiter-flexible (the limiter's Redis store). */
  /Redis connection is not ready/,
]

export const RETRY_AFTER_SECONDS = 5

export function isOutageError(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== 'object' || depth > 4) return false
  const { code, name, message, cause, errors } = error as Record<string, any>
  if (typeof code === 'string' && (NETWORK_CODES.has(code) || PG_CODES.test(code))) return true
  if (code === 'E_REDIS_UNAVAILABLE') return true
  if (name === 'KnexTimeoutError' || name === 'MaxRetriesPerRequestError') return true
  if (typeof message === 'string' && MESSAGES.some((pattern) => pattern.test(message))) return true
  /** Node's AggregateError (IPv4 and IPv6 both refused) and wrapped errors. */
  if (Array.isArray(errors) && errors.some((inner) => isOutageError(inner, depth + 1))) return true
  return isOutageError(cause, depth + 1)
}

let lastWarning = 0

/**
 * The 503 of an outage: `Retry-After`, and "Estamos com instabilidade, tente novamente em
 * instantes" as `{ errors }` for scripts and the API, or as a small page for browsers (a
 * checkout posted without JavaScript). Logged as a warning at most every 10 s, without the
 * stack: an outage is not a bug, and a stack per request would flood the log.
 */
export async function answerUnavailable(ctx: HttpContext, error: unknown, json: boolean) {
  if (Date.now() - lastWarning > 10_000) {
    lastWarning = Date.now()
    logger.warn(`dependency unavailable, answering 503: ${(error as Error)?.message}`)
  }
  /** The funnel's language on a workspace host, the visitor's elsewhere. */
  const site = ctx.workspace && ctx.request.url().startsWith(SITE_PREFIX)
  const locale: Locale = site ? pageLocale(ctx.workspace) : (ctx.locale ?? 'pt-BR')
  const message = t(locale, 'errors.unavailable')
  ctx.response.header('Retry-After', String(RETRY_AFTER_SECONDS))
  ctx.response.header('Cache-Control', 'no-store')
  if (json) {
    return ctx.response.status(503).send({ errors: [{ rule: 'unavailable', message }] })
  }
  const html = await edge.render('payments/message', {
    lang: locale,
    title: t(locale, 'errors.server'),
    text: message,
    backUrl: null,
    backLabel: null,
  })
  return ctx.response.status(503).header('Content-Type', 'text/html; charset=utf-8').send(html)
}
