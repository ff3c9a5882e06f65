import { createHash, timingSafeEqual } from 'node:crypto'
import ipaddr from 'ipaddr.js'
import type { HttpRequest } from '@adonisjs/core/http'
import env from '#start/env'

/** The headers a proxy adds when it relays a request: their presence means "not Caddy asking". */
const RELAY_HEADERS = ['x-forwarded-for', 'forwarded', 'x-forwarded-host', 'x-real-ip']

export interface AskCaller {
  /** The socket's peer address (never a forwarded header: those are client text). */
  peer: string | undefined
  /** Whether the request carries a proxy's relay header. */
  relayed: boolean
  /** The `token` query parameter, if any. */
  token: string | undefined
}

/**
 * Who may ask whether a domain gets a certificate. An outsider who could call it freely would
 * learn which names we serve and make us run a lookup per request for names of their choosing.
 *
 * - With CADDY_ASK_TOKEN set (Caddy in another container): the `token` query parameter must match
 *   (Caddy keeps the ask URL's own query and adds `domain`); nothing else is accepted.
 * - Without it: only a direct loopback caller (Caddy on this machine). A request relayed by a
 *   proxy (X-Forwarded-For, Forwarded, …) is refused even from the loopback: that is Caddy
 *   forwarding a visitor's request for `/_caddy/ask`, not Caddy asking.
 */
export function askCallerAllowed(caller: AskCaller, expectedToken = env.get('CADDY_ASK_TOKEN')) {
  if (expectedToken) return !!caller.token && sameSecret(caller.token, expectedToken)
  if (caller.relayed || !caller.peer) return false
  try {
    return ipaddr.process(caller.peer.replace(/^\[|\]$/g, '')).range() === 'loopback'
  } catch {
    return false
  }
}

/** The caller of a request, as askCallerAllowed judges it. */
export function askCallerOf(request: HttpRequest): AskCaller {
  const token = request.qs().token
  return {
    peer: request.request.socket.remoteAddress,
    relayed: RELAY_HEADERS.some((name) => request.header(name) !== undefined),
    token: typeof token === 'string' ? token : undefined,
  }
}

/** Constant-time comparison (of digests, so the lengths may differ). */
function sameSecret(given: string, expected: string) {
  const digest = (value: string) => createHash('sha256').update(value).digest()
  return timingSafeEqual(digest(given), digest(expected))
}
