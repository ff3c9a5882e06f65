import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import type Agency from '#models/agency'
import { adminDomainRecord, forgetAdminHost } from '#services/agency_brand'
import { checkVerificationRecord, type DomainCheck } from '#services/custom_domain'

/**
 * Proves an agency controls its admin domain, exactly as VerifyCustomDomain does for a
 * workspace: the TXT record `_funil-verify.<domain>` must hold `funil-verify=<token>`. Only then
 * does the domain serve the agency's white-labelled admin. A domain verified elsewhere (another
 * agency, or a workspace's funnel domain) stays there (`taken`); the unique index on verified
 * admin domains settles a race between two agencies.
 */
export default class VerifyAgencyDomain {
  static async handle({ agency }: { agency: Agency }): Promise<DomainCheck> {
    const record = adminDomainRecord(agency)
    if (!record) return 'no_domain'
    if (agency.adminDomainVerifiedAt) return 'verified'
    if (await this.#takenElsewhere(agency)) return 'taken'

    const found = await checkVerificationRecord(record)
    if (found !== 'found') return found

    try {
      /** Only if the claim is still the one checked (the domain was not changed meanwhile). */
      const updated = await db
        .from('agencies')
        .where('id', agency.id)
        .where('admin_domain', agency.adminDomain!)
        .where('admin_domain_token', agency.adminDomainToken!)
        .update({
          admin_domain_verified_at: DateTime.now().toSQL(),
          updated_at: DateTime.now().toSQL(),
        })
      if (!updated) return 'record_mismatch'
    } catch (error: any) {
      if (error?.code === '23505') return 'taken'
      throw error
    }
    await agency.refresh()
    forgetAdminHost(agency.adminDomain)
    return 'verified'
  }

  /** Verified by another agency, or serving a workspace's funnels. */
  static async #takenElsewhere(agency: Agency) {
    const domain = agency.adminDomain!.toLowerCase()
    const [otherAgency, workspace] = await Promise.all([
      db
        .from('agencies')
        .whereRaw('lower(admin_domain) = ?', [domain])
        .whereNotNull('admin_domain_verified_at')
        .whereNot('id', agency.id)
        .select('id')
        .first(),
      db
        .from('workspaces')
        .whereRaw('lower(custom_domain) = ?', [domain])
        .whereNotNull('custom_domain_verified_at')
        .select('id')
        .first(),
    ])
    return !!otherAgency || !!workspace
  }
}
