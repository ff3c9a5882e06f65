import { isIP } from 'node:net'
import { appDomain, publicDomain } from '#config/app'
import { resolveWorkspaceByHost } from '#services/tenant_host'
import { agencyByAdminHost } from '#services/agency_brand'

/**
 * Which host names this installation serves, for Caddy's on-demand TLS (`GET /_caddy/ask`):
 * Caddy asks before it obtains a certificate for a name it has never seen, and a "yes" for a
 * name we do not serve would let anyone pointing DNS at us make Caddy request certificates
 * (rate limits at the CA, disk) for arbitrary names.
 *
 * Each kind of domain is one lookup. Built in: the admin domain, `{slug}.{PUBLIC_DOMAIN}` of a
 * live workspace, a workspace's custom domain and an agency's own admin domain, each of the last
 * two once its DNS TXT record was verified. Another kind of domain registers its lookup with
 * `registerDomainLookup(kind, async (host) => …)` here (this module must have run it before the
 * ask is answered), and the ask endpoint approves it with no other change.
 */
export interface ServedDomain {
  /** Which lookup approved it: `admin`, `workspace_subdomain`, `custom_domain`, … */
  kind: string
  workspaceId?: number
  agencyId?: number
}

/** Answers the served domain for a normalized host name, or null when it is not one of its kind. */
export type DomainLookup = (host: string) => Promise<Omit<ServedDomain, 'kind'> | null>

const lookups = new Map<string, DomainLookup>()

/** Adds (or replaces) the lookup of one kind of domain. */
export function registerDomainLookup(kind: string, lookup: DomainLookup) {
  lookups.set(kind, lookup)
}

/**
 * A host name as Caddy sends it, checked and normalized (lowercase, no trailing dot), or null if
 * it is not a DNS name: an IP, a port, a wildcard, an empty or overlong label, a single label.
 */
export function normalizeDomainName(input: unknown): string | null {
  if (typeof input !== 'string') return null
  const name = input.trim().toLowerCase().replace(/\.$/, '')
  if (!name || name.length > 253 || isIP(name)) return null
  const labels = name.split('.')
  if (labels.length < 2) return null
  const label = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/
  return labels.every((part) => label.test(part)) ? name : null
}

/**
 * The domain `host` is served as, or null: what the ask endpoint approves. A malformed name is
 * null without a lookup.
 */
export async function findServedDomain(host: string): Promise<ServedDomain | null> {
  const name = normalizeDomainName(host)
  if (!name) return null
  for (const [kind, lookup] of lookups) {
    const found = await lookup(name)
    if (found) return { kind, ...found }
  }
  return null
}

registerDomainLookup('admin', async (host) => (host === appDomain ? {} : null))

/**
 * `{slug}.{PUBLIC_DOMAIN}` of a live workspace, and a workspace's custom domain once verified:
 * tenant_host's resolution (cached for a few seconds, so repeated asks for an unknown name cost
 * no query), which is also what serves their pages.
 */
const isSubdomain = (host: string) => host.endsWith(`.${publicDomain}`)
registerDomainLookup('workspace_subdomain', async (host) => {
  if (!isSubdomain(host)) return null
  const workspace = await resolveWorkspaceByHost(host)
  return workspace ? { workspaceId: workspace.id } : null
})
registerDomainLookup('custom_domain', async (host) => {
  if (isSubdomain(host)) return null
  const workspace = await resolveWorkspaceByHost(host)
  return workspace ? { workspaceId: workspace.id } : null
})

/**
 * An agency's own admin domain (white-label, `painel.agencia.com.br`) once its DNS TXT record was
 * verified: the same cached lookup that routes that host to the admin.
 */
registerDomainLookup('agency_admin', async (host) => {
  if (isSubdomain(host)) return null
  const agency = await agencyByAdminHost(host)
  return agency ? { agencyId: agency.id } : null
})
