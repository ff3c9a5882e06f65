import { DateTime } from 'luxon'
import app from '@adonisjs/core/services/app'
import db from '@adonisjs/lucid/services/db'
import Workspace from '#models/workspace'
import DomainResolver from '#services/domain_resolver'
import { verificationRecord } from '#services/custom_domain'
import { forgetHost } from '#services/tenant_host'

export type DomainCheck =
  'verified' | 'no_domain' | 'record_missing' | 'record_mismatch' | 'lookup_failed' | 'taken'

/** DNS answers that mean "no such record" rather than "DNS is not answering". */
const NOT_FOUND = new Set(['ENOTFOUND', 'ENODATA', 'NXDOMAIN', 'ENONAME'])

/**
 * Proves a workspace controls its custom domain: its TXT record `_funil-verify.<domain>` must
 * hold `funil-verify=<token>`. Only then does the domain serve the workspace's funnels. A domain
 * another workspace already verified stays with it (`taken`): the unique index on verified
 * domains settles a race between two verifications.
 */
export default class VerifyCustomDomain {
  static async handle({ workspace }: { workspace: Workspace }): Promise<DomainCheck> {
    const record = verificationRecord(workspace)
    if (!record) return 'no_domain'
    if (workspace.customDomainVerifiedAt) return 'verified'
    if (await this.#verifiedElsewhere(workspace)) return 'taken'

    let answers: string[][]
    try {
      const resolver = await app.container.make(DomainResolver)
      answers = await resolver.resolveTxt(record.name)
    } catch (error: any) {
      return NOT_FOUND.has(error?.code) ? 'record_missing' : 'lookup_failed'
    }
    const values = answers.map((chunks) => chunks.join('').trim())
    if (!values.includes(record.value)) {
      return values.some((value) => value.startsWith('funil-verify='))
        ? 'record_mismatch'
        : 'record_missing'
    }

    try {
      /** Only if the claim is still the one checked (the domain was not changed meanwhile). */
      const updated = await db
        .from('workspaces')
        .where('id', workspace.id)
        .where('custom_domain', workspace.customDomain!)
        .where('custom_domain_token', workspace.customDomainToken!)
        .update({
          custom_domain_verified_at: DateTime.now().toSQL(),
          updated_at: DateTime.now().toSQL(),
        })
      if (!updated) return 'record_mismatch'
    } catch (error: any) {
      if (error?.code === '23505') return 'taken'
      throw error
    }
    await workspace.refresh()
    forgetHost(workspace.customDomain!)
    return 'verified'
  }

  static async #verifiedElsewhere(workspace: Workspace) {
    const domain = workspace.customDomain!.toLowerCase()
    const other = await Workspace.query()
      .whereRaw('lower(custom_domain) = ?', [domain])
      .whereNotNull('custom_domain_verified_at')
      .whereNot('id', workspace.id)
      .select('id')
      .first()
    /** An agency's verified admin domain (white-label) is the admin there, never funnels. */
    const agency = await db
      .from('agencies')
      .whereRaw('lower(admin_domain) = ?', [domain])
      .whereNotNull('admin_domain_verified_at')
      .select('id')
      .first()
    return other !== null || !!agency
  }
}
