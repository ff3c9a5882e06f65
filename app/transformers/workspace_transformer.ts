import { BaseTransformer } from '@adonisjs/core/transformers'
import type Workspace from '#models/workspace'
import WorkspaceAccess from '#services/workspace_access'
import { customDomainState } from '#services/custom_domain'

/**
 * What pages and the API see of a workspace: `toObject` is the current one with the viewer's
 * permissions, `summary` an entry of the switcher, `detail` a row of the workspaces page.
 */
export default class WorkspaceTransformer extends BaseTransformer<Workspace> {
  toObject() {
    const workspace = this.resource
    return {
      id: workspace.id,
      name: workspace.name,
      slug: workspace.slug,
      timezone: workspace.timezone,
      customDomain: workspace.customDomain,
      /** Pending or verified, and the TXT record that proves it (null without a domain). */
      domain: customDomainState(workspace),
      role: WorkspaceAccess.roleOf(workspace),
      can: {
        write: WorkspaceAccess.canWrite(workspace),
        manage: WorkspaceAccess.canManage(workspace),
      },
    }
  }

  summary() {
    const workspace = this.resource
    return {
      id: workspace.id,
      name: workspace.name,
      slug: workspace.slug,
      agencyName: workspace.agency?.name ?? null,
    }
  }

  /** The current shape plus the agency's name (`agency` preloaded): the API's `me`. */
  withAgency() {
    return { ...this.toObject(), agencyName: this.resource.agency.name }
  }

  detail() {
    return { ...this.toObject(), archivedAt: this.resource.archivedAt?.toISO() ?? null }
  }
}
