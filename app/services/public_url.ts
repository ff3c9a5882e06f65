import type { HttpRequest } from '@adonisjs/core/http'
import type Workspace from '#models/workspace'
import { appUrl, publicDomain as configuredPublicDomain } from '#config/app'

/** What a public link needs of a workspace. */
export type LinkedWorkspace = Pick<Workspace, 'slug' | 'customDomain' | 'customDomainVerifiedAt'>

/** Scheme and port of the address the admin was reached on (`http:` and `3333`). */
export interface LinkBase {
  protocol: 'http:' | 'https:'
  /** Empty for the scheme's default port. */
  port: string
}

export interface PublicUrlOptions {
  /**
   * The request the link is shown in (or its scheme and port). Without it — a worker composing an
   * e-mail, `node ace demo:seed` — APP_URL's scheme and port are used.
   */
  via?: HttpRequest | LinkBase
  /** PUBLIC_DOMAIN (defaults to the configured one; tests name another). */
  publicDomain?: string
}

/**
 * `localhost` and `*.localhost` resolve to this machine without DNS (RFC 6761, and every browser
 * does it), so a public domain of that kind means a machine of one's own: no certificate and no
 * proxy in front of the app, which answers on its own scheme and port.
 */
export function isLoopbackDomain(domain: string) {
  const name = domain.toLowerCase().replace(/\.$/, '')
  return name === 'localhost' || name.endsWith('.localhost')
}

/** The scheme and port a request came in on (X-Forwarded-* only from a trusted proxy). */
export function linkBaseOf(request: HttpRequest): LinkBase {
  const protocol = request.protocol() === 'https' ? 'https:' : 'http:'
  return { protocol, port: portOf(request.host(), protocol) }
}

/** A LinkBase rather than a request (whose `protocol` is a method). */
function isLinkBase(via: HttpRequest | LinkBase): via is LinkBase {
  return typeof via.protocol === 'string'
}

function appUrlBase(): LinkBase {
  try {
    const url = new URL(appUrl)
    const protocol = url.protocol === 'https:' ? 'https:' : 'http:'
    return { protocol, port: url.port }
  } catch {
    return { protocol: 'http:', port: '' }
  }
}

/** The port of a `host[:port]` (IPv6 in brackets), empty when it is the scheme's default. */
function portOf(host: string | null, protocol: LinkBase['protocol']) {
  const port = host?.match(/:(\d+)$/)?.[1] ?? ''
  return port === (protocol === 'https:' ? '443' : '80') ? '' : port
}

/**
 * THE public address of a workspace's pages; every link to a funnel, a step or a buyer page
 * (builder header, dialogs, the API's `publicUrl`, e-mails, the `npm start` banner) is built
 * here, so they cannot disagree.
 *
 * - Development (PUBLIC_DOMAIN is `localhost` or `*.localhost`): `http://{slug}.localhost:3333`,
 *   with the scheme and port of the request the link is shown in (else APP_URL's). A custom
 *   domain is left out here: its DNS points at the production server, not at this machine.
 * - Otherwise: the workspace's custom domain once verified (an unverified one serves nothing),
 *   else `https://{slug}.{PUBLIC_DOMAIN}` — HTTPS, as Caddy terminates it in production.
 *
 * `path` is appended as given (`/black-friday/inscricao`, `/_funil/pay/…`); '' is the origin.
 */
export function publicSiteUrl(
  workspace: LinkedWorkspace,
  path = '',
  options: PublicUrlOptions = {}
) {
  const domain = options.publicDomain ?? configuredPublicDomain
  if (isLoopbackDomain(domain)) {
    const via = options.via
    const base = !via ? appUrlBase() : isLinkBase(via) ? via : linkBaseOf(via)
    const port = base.port ? `:${base.port}` : ''
    return `${base.protocol}//${workspace.slug}.${domain}${port}${path}`
  }
  const host =
    workspace.customDomain && workspace.customDomainVerifiedAt
      ? workspace.customDomain
      : `${workspace.slug}.${domain}`
  return `https://${host}${path}`
}

/** A funnel's public address, or one of its steps' (`…/{funnel}/{step}`). */
export function publicFunnelUrl(
  workspace: LinkedWorkspace,
  funnelSlug: string,
  stepSlug?: string | null,
  options: PublicUrlOptions = {}
) {
  const path = stepSlug ? `/${funnelSlug}/${stepSlug}` : `/${funnelSlug}`
  return publicSiteUrl(workspace, path, options)
}
