import { randomBytes } from 'node:crypto'
import type Workspace from '#models/workspace'

/** Label under which a workspace publishes its TXT record: `_funil-verify.<domain>`. */
export const VERIFY_LABEL = '_funil-verify'

/** A fresh verification token: each claim of a domain gets its own. */
export function newDomainToken() {
  return randomBytes(16).toString('hex')
}

/** The DNS record proving `workspace` controls its custom domain, or null without a domain. */
export function verificationRecord(workspace: Workspace) {
  if (!workspace.customDomain || !workspace.customDomainToken) return null
  return {
    type: 'TXT' as const,
    name: `${VERIFY_LABEL}.${workspace.customDomain}`,
    value: `funil-verify=${workspace.customDomainToken}`,
  }
}

/** What pages and the API show of a workspace's custom domain. */
export function customDomainState(workspace: Workspace) {
  if (!workspace.customDomain) return null
  return {
    domain: workspace.customDomain,
    status: workspace.customDomainVerifiedAt ? ('verified' as const) : ('pending' as const),
    verifiedAt: workspace.customDomainVerifiedAt?.toISO() ?? null,
    record: verificationRecord(workspace),
  }
}
