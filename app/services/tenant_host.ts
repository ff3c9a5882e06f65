import Workspace from '#models/workspace'
import { appDomain, publicDomain } from '#config/app'
import { TtlCache } from '#services/ttl_cache'

/** Host → workspace for 5 s: an ad spike costs one lookup per host every few seconds. */
const byHost = new TtlCache<Workspace | null>(5_000)

/**
 * Finds the workspace a public request is for, from its Host header: `{slug}.{PUBLIC_DOMAIN}` or
 * a workspace's verified custom domain (an unverified one serves nothing). Archived workspaces are not served. Returns null for the admin's
 * own domain and for unknown hosts. With PUBLIC_DOMAIN set, `{slug}.{APP_DOMAIN}` serves nothing:
 * no funnel page may be same-site with the admin.
 */
export async function resolveWorkspaceByHost(hostHeader: string | undefined) {
  const host = normalizeHost(hostHeader)
  if (!host || host === appDomain || host === publicDomain) return null
  return byHost.remember(host, () => lookup(host))
}

async function lookup(host: string) {
  const suffix = `.${publicDomain}`
  if (host.endsWith(suffix)) {
    const slug = host.slice(0, -suffix.length)
    if (!slug || slug.includes('.')) return null
    return Workspace.query().where('slug', slug).whereNull('archived_at').first()
  }
  /** A custom domain serves only once its DNS record proved the workspace controls it. */
  return Workspace.query()
    .whereRaw('lower(custom_domain) = ?', [host])
    .whereNotNull('custom_domain_verified_at')
    .whereNull('archived_at')
    .first()
}

/** Forgets the cached workspace of a host (its custom domain was verified or changed). */
export function forgetHost(host: string) {
  const normalized = normalizeHost(host)
  if (normalized) byHost.forget(normalized)
}

/** Lowercases and strips the port and a trailing dot: `Acme.Localhost:3333` → `acme.localhost`. */
export function normalizeHost(hostHeader: string | undefined) {
  if (!hostHeader) return null
  return hostHeader.trim().toLowerCase().replace(/:\d+$/, '').replace(/\.$/, '') || null
}
