import net, { type LookupFunction } from 'node:net'
import axios, { type AxiosInstance } from 'axios'
import ipaddr from 'ipaddr.js'
import { RequestFilteringHttpAgent, RequestFilteringHttpsAgent } from 'request-filtering-agent'
import env from '#start/env'

/**
 * Outbound HTTP to third-party APIs (gateways, UTMify, ad platforms). Some of their URLs are set
 * by users (a credential's `apiUrl`), so every call is guarded against SSRF twice:
 *
 * 1. at save time, `checkIntegrationUrl` refuses literal private/loopback/link-local/reserved
 *    addresses and intranet-looking names (`localhost`, `*.internal`, single labels);
 * 2. at call time, the sockets go through request-filtering-agent, which checks the address
 *    each connection actually resolves to — a public-looking name that resolves to 127.0.0.1
 *    (nip.io, DNS rebinding) is refused there.
 *
 * Both take the allowance as a parameter; by default it comes from
 * `ALLOW_PRIVATE_INTEGRATION_URLS` (true only where local stubs stand in for the services).
 */
export const outboundSettings = {
  /** May integration URLs target private/loopback addresses (and plain http)? */
  allowPrivate: env.get('ALLOW_PRIVATE_INTEGRATION_URLS', false) === true,
  /** Default budget of an outbound call; retries belong to the queues, never to the request. */
  timeoutMs: 10_000,
  /** Budget of the "testar conexão" button: the user is waiting. */
  connectionTestTimeoutMs: 5_000,
}

/** Why an integration URL is refused. */
export type UrlRefusal = 'invalid_url' | 'https_required' | 'private_address'

/** Names that only mean something inside a network (RFC 6761, RFC 8375, common intranet TLDs). */
const INTERNAL_SUFFIXES = [
  'localhost',
  'local',
  'localdomain',
  'internal',
  'intranet',
  'lan',
  'home',
  'corp',
  'home.arpa',
]

/** True for an IP literal that is not a public unicast address (same rule as the agent). */
export function isPrivateAddress(address: string) {
  const bare = address.replace(/^\[|\]$/g, '')
  if (net.isIP(bare) === 0) return false
  try {
    return ipaddr.parse(bare).range() !== 'unicast'
  } catch {
    return true
  }
}

/** True for `localhost`, `*.internal`, single-label names and the like. */
function isInternalName(hostname: string) {
  const name = hostname.toLowerCase().replace(/\.$/, '')
  if (!name.includes('.')) return true
  return INTERNAL_SUFFIXES.some((suffix) => name === suffix || name.endsWith(`.${suffix}`))
}

/**
 * Checks a user-set integration URL before it is stored or called. Without the allowance it
 * must be https, carry no user-info and not name a private or internal host. DNS is not
 * consulted here (a name may legitimately move); the agent checks resolved addresses per call.
 */
export function checkIntegrationUrl(
  raw: string,
  options: { allowPrivate?: boolean } = {}
): UrlRefusal | null {
  const allowPrivate = options.allowPrivate ?? outboundSettings.allowPrivate
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    return 'invalid_url'
  }
  if (url.username || url.password) return 'invalid_url'
  if (!['https:', 'http:'].includes(url.protocol)) return 'https_required'
  if (allowPrivate) return null
  const host = url.hostname
  if (isPrivateAddress(host)) return 'private_address'
  if (net.isIP(host.replace(/^\[|\]$/g, '')) === 0 && isInternalName(host)) {
    return 'private_address'
  }
  if (url.protocol !== 'https:') return 'https_required'
  return null
}

/** How an outbound call failed before any HTTP answer arrived. */
export type OutboundFailureKind = 'blocked' | 'timeout' | 'unreachable'

/**
 * A network-level failure, stripped of the request (headers, auth, query string): it may be
 * logged or shown without leaking a secret.
 */
export class OutboundHttpError extends Error {
  constructor(
    public kind: OutboundFailureKind,
    public code: string | undefined,
    message: string
  ) {
    super(message)
    this.name = 'OutboundHttpError'
  }
}

/** The agent's refusal reads "DNS lookup 127.0.0.1(…) is not allowed. Because, It is private…". */
const AGENT_REFUSAL = /is not allowed\. Because/

/** Classifies an axios/network error; anything that is not a refusal or a timeout is unreachable. */
export function classifyFailure(error: any): OutboundHttpError {
  if (error instanceof OutboundHttpError) return error
  const code: string | undefined = error?.code ?? error?.cause?.code
  const message = String(error?.message ?? error?.cause?.message ?? 'network error')
  if (AGENT_REFUSAL.test(message) || AGENT_REFUSAL.test(String(error?.cause?.message ?? ''))) {
    return new OutboundHttpError('blocked', code, 'private address refused')
  }
  if (
    code === 'ECONNABORTED' ||
    code === 'ETIMEDOUT' ||
    code === 'ERR_CANCELED' ||
    error?.name === 'TimeoutError' ||
    error?.name === 'CanceledError'
  ) {
    return new OutboundHttpError('timeout', code, 'timed out')
  }
  return new OutboundHttpError('unreachable', code, code ?? 'unreachable')
}

export interface OutboundOptions {
  baseURL?: string
  /** Hard deadline of a call (connect + answer), in milliseconds. */
  timeoutMs?: number
  headers?: Record<string, string>
  /** Defaults to `outboundSettings.allowPrivate`. */
  allowPrivate?: boolean
  /** DNS resolver, injectable so a test can make a public-looking name resolve to loopback. */
  lookup?: LookupFunction
}

/**
 * An axios instance for one integration: SSRF-filtering agents, a hard deadline, no redirects
 * (a redirect could point inside the network), no proxy from the environment, bounded bodies,
 * every HTTP status resolved (clients interpret them) and network errors turned into
 * `OutboundHttpError`. No retries here: the queues retry.
 */
export function createHttpClient(options: OutboundOptions = {}): AxiosInstance {
  const allowPrivate = options.allowPrivate ?? outboundSettings.allowPrivate
  const timeout = options.timeoutMs ?? outboundSettings.timeoutMs
  const agentOptions = {
    keepAlive: false,
    allowPrivateIPAddress: allowPrivate,
    ...(options.lookup ? { lookup: options.lookup } : {}),
  }

  const instance = axios.create({
    baseURL: options.baseURL,
    timeout,
    headers: {
      'accept': 'application/json',
      'user-agent': 'FunilDigital/1.0 (+integrations)',
      ...options.headers,
    },
    httpAgent: new RequestFilteringHttpAgent(agentOptions),
    httpsAgent: new RequestFilteringHttpsAgent(agentOptions),
    proxy: false,
    maxRedirects: 0,
    maxContentLength: 1_000_000,
    maxBodyLength: 1_000_000,
    validateStatus: () => true,
    transitional: { clarifyTimeoutError: true, silentJSONParsing: true, forcedJSONParsing: true },
  })

  /** axios' own timeout is per socket inactivity; the signal bounds the whole call. */
  instance.interceptors.request.use((config) => {
    config.signal ??= AbortSignal.timeout(timeout)
    return config
  })
  instance.interceptors.response.use(undefined, (error) => Promise.reject(classifyFailure(error)))
  return instance
}
