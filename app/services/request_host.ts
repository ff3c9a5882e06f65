import type { HttpRequest } from '@adonisjs/core/http'
import { normalizeHost } from '#services/tenant_host'
import { trustProxy } from '#config/app'

/**
 * Every host a request claims to be for, lowercased, without port: X-Forwarded-Host's entries
 * when the peer is a trusted proxy (TRUSTED_PROXIES) and it sent one, else the Host header.
 * The first entry is the host the request is for. A client that is not a trusted proxy cannot
 * choose its host with a header.
 */
export function requestHosts(request: HttpRequest): string[] {
  const forwarded = request.header('x-forwarded-host')
  const peer = request.request.socket.remoteAddress
  const trusted = forwarded !== undefined && !!peer && trustProxy(peer, 0)
  const raw = trusted ? forwarded.split(',') : [request.header('host') ?? '']
  return raw.map((value) => normalizeHost(value)).filter((host): host is string => !!host)
}

/** The host the request is for (see requestHosts), or null. */
export function requestHost(request: HttpRequest) {
  return requestHosts(request)[0] ?? null
}
