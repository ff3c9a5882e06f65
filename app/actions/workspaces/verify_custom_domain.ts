import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import Workspace from '#models/workspace'
import {
  checkVerificationRecord,
  verificationRecord,
  type DomainCheck,
} from '#services/custom_domain'
import { forgetHost } from '#services/tenant_host'

/**
 * Proves a workspace controls its custom domain: its TXT record `_funil-verify.<domain>` must
 * hold `funil-verify=<token>` (checkVerificationRecord). Only then does the domain serve the workspace's funnels. A domain
 * another workspace already verified stays with it (`taken`): the unique index on verified
 * domains settles a race between two verifications.
 */
export default class VerifyCustomDomain {
  static async handle({ workspace }: { workspace: Workspace }): Promise<DomainCheck> {
    const record = verificationRecord(workspace)
    if (!record) return 'no_domain'
    if (workspace.customDomainVerifiedAt) return 'verified'
    if (await this.#verifiedElsewhere(workspace)) return 'taken'

    const found = await checkVerificationRecord(record)
    if (found !== 'found') return found

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
