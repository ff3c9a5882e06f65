import type Workspace from '#models/workspace'
import WorkspaceAccess from '#services/workspace_access'
import { customDomainState } from '#services/custom_domain'

/** What pages and the API see of a workspace, with the viewer's permissions. */
export default class WorkspaceTransformer {
  static current(workspace: Workspace) {
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

  static summary(workspace: Workspace) {
    return {
      id: workspace.id,
      name: workspace.name,
      slug: workspace.slug,
      agencyName: workspace.agency?.name ?? null,
    }
  }

  static detail(workspace: Workspace) {
    return {
      ...this.current(workspace),
      archivedAt: workspace.archivedAt?.toISO() ?? null,
    }
  }
}
