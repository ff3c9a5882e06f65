import Workspace from '#models/workspace'
import { appDomain, publicDomain } from '#config/app'
import { TtlCache } from '#services/ttl_cache'

/** Host → workspace for 5 s: an ad spike costs one lookup per host every few seconds. */
const byHost = new TtlCache<Workspace | null>(5_000)

/**
 * Finds the workspace a public request is for, from its Host header: `{slug}.{PUBLIC_DOMAIN}` or
 * a workspace's custom domain. Archived workspaces are not served. Returns null for the admin's
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
  return Workspace.query().where('custom_domain', host).whereNull('archived_at').first()
}

/** Lowercases and strips the port and a trailing dot: `Acme.Localhost:3333` → `acme.localhost`. */
export function normalizeHost(hostHeader: string | undefined) {
  if (!hostHeader) return null
  return hostHeader.trim().toLowerCase().replace(/:\d+$/, '').replace(/\.$/, '') || null
}
