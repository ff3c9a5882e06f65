import type Workspace from '#models/workspace'
import { newDomainToken } from '#services/custom_domain'
import { forgetHost } from '#services/tenant_host'

interface Params {
  workspace: Workspace
  data: { name: string; timezone: string; customDomain?: string | null }
}

/**
 * Renames a workspace or changes its time zone and custom domain (the slug never changes: links
 * live on it). A new custom domain starts pending, with a token of its own for the DNS record:
 * it serves nothing until VerifyCustomDomain has seen that record.
 */
export default class UpdateWorkspace {
  static async handle({ workspace, data }: Params) {
    const previousDomain = workspace.customDomain
    workspace.merge({ name: data.name, timezone: data.timezone })
    if (data.customDomain !== undefined && data.customDomain !== previousDomain) {
      workspace.merge({
        customDomain: data.customDomain,
        customDomainToken: data.customDomain ? newDomainToken() : null,
        customDomainVerifiedAt: null,
      })
    }
    await workspace.save()
    if (previousDomain && previousDomain !== workspace.customDomain) forgetHost(previousDomain)
    return workspace
  }
}
