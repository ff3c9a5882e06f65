import { isIP } from 'node:net'
import { appDomain } from '#config/app'

/** Path prefix under which the public (tenant-host) routes are registered. */
export const SITE_PREFIX = '/_site'

/**
 * Whether a hostname serves tenant funnels rather than the admin: a subdomain of PUBLIC_DOMAIN
 * (`acme.funil.site`) or any other name (a workspace's custom domain). The admin domain (APP_DOMAIN)
 * itself, `www.` of it, bare IPs and `localhost` stay the admin.
 */
export function isSiteHost(hostname: string | null) {
  if (!hostname) return false
  const host = hostname.toLowerCase().replace(/\.$/, '')
  if (host === appDomain || host === `www.${appDomain}` || host === 'localhost') return false
  if (isIP(host.replace(/^\[|\]$/g, ''))) return false
  return true
}
