import type Agency from '#models/agency'
import { newDomainToken } from '#services/custom_domain'
import { forgetAdminHost } from '#services/agency_brand'

/**
 * Names (or removes) the agency's own admin domain. A new domain starts pending with a token of
 * its own for the DNS record: until VerifyAgencyDomain has seen that record it serves nothing
 * (the host stays whatever it was), so typing someone else's domain takes nothing from them.
 */
export default class SetAgencyDomain {
  static async handle({ agency, domain }: { agency: Agency; domain: string | null }) {
    const previous = agency.adminDomain
    if (domain === previous) return agency
    agency.merge({
      adminDomain: domain,
      adminDomainToken: domain ? newDomainToken() : null,
      adminDomainVerifiedAt: null,
    })
    await agency.save()
    forgetAdminHost(previous)
    return agency
  }
}
