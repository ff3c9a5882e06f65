import { isIP } from 'node:net'
import ipaddr from 'ipaddr.js'
import type { HttpRequest } from '@adonisjs/core/http'

/**
 * The visitor's IP as the app may use it (throttle keys; the IP stored on visitors and payments
 * and sent to Meta, TikTok and UTMify): the socket's peer, or X-Forwarded-For's first untrusted
 * hop when the peer is in TRUSTED_PROXIES (config/app.ts). Anything that is not a valid IP — a
 * forwarded header can carry any text — is null, never stored.
 */
export function clientIp(request: HttpRequest): string | null {
  try {
    return normalizeIp(request.ip())
  } catch {
    return null
  }
}

/**
 * A valid IPv4 or IPv6 address in canonical form, or null. IPv4-mapped IPv6 (`::ffff:1.2.3.4`,
 * what a dual-stack socket reports) becomes `1.2.3.4`: one client, one throttle key, and the
 * form ad platforms match on.
 */
export function normalizeIp(value: unknown): string | null {
  if (typeof value !== 'string') return null
  const bare = value.trim().replace(/^\[(.*)\]$/, '$1')
  if (bare.length > 45 || !isIP(bare)) return null
  try {
    return ipaddr.process(bare).toString()
  } catch {
    return null
  }
}
