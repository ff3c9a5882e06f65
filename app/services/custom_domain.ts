import { randomBytes } from 'node:crypto'
import app from '@adonisjs/core/services/app'
import type Workspace from '#models/workspace'
import DomainResolver from '#services/domain_resolver'

/**
 * Label under which a workspace (funnel domain) or an agency (admin domain) publishes its TXT
 * record: `_funil-verify.<domain>`.
 */
export const VERIFY_LABEL = '_funil-verify'

/** A fresh verification token: each claim of a domain gets its own. */
export function newDomainToken() {
  return randomBytes(16).toString('hex')
}

/** What a domain check answers (the domain pages and the API show it). */
export type DomainCheck =
  'verified' | 'no_domain' | 'record_missing' | 'record_mismatch' | 'lookup_failed' | 'taken'

export interface VerificationRecord {
  type: 'TXT'
  name: string
  value: string
}

/** The TXT record proving control of `domain` with `token`, or null without either. */
export function domainRecord(
  domain: string | null | undefined,
  token: string | null | undefined
): VerificationRecord | null {
  if (!domain || !token) return null
  return { type: 'TXT', name: `${VERIFY_LABEL}.${domain}`, value: `funil-verify=${token}` }
}

/** The DNS record proving `workspace` controls its custom domain, or null without a domain. */
export function verificationRecord(workspace: Workspace) {
  return domainRecord(workspace.customDomain, workspace.customDomainToken)
}

/** DNS answers that mean "no such record" rather than "DNS is not answering". */
const NOT_FOUND = new Set(['ENOTFOUND', 'ENODATA', 'NXDOMAIN', 'ENONAME'])

/**
 * Looks the record up in DNS (through the container's DomainResolver, which tests swap):
 * `found` when one of the TXT values is the expected one; `record_mismatch` when a
 * `funil-verify=` value is there but another (an old token); `record_missing` when there is
 * none; `lookup_failed` when DNS did not answer. A workspace's funnel domain and an agency's
 * admin domain are proven the same way.
 */
export async function checkVerificationRecord(
  record: VerificationRecord
): Promise<'found' | 'record_missing' | 'record_mismatch' | 'lookup_failed'> {
  let answers: string[][]
  try {
    const resolver = await app.container.make(DomainResolver)
    answers = await resolver.resolveTxt(record.name)
  } catch (error: any) {
    return NOT_FOUND.has(error?.code) ? 'record_missing' : 'lookup_failed'
  }
  const values = answers.map((chunks) => chunks.join('').trim())
  if (values.includes(record.value)) return 'found'
  return values.some((value) => value.startsWith('funil-verify='))
    ? 'record_mismatch'
    : 'record_missing'
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
