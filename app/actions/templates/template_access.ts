import type User from '#models/user'
import type Workspace from '#models/workspace'
import WorkspaceAccess from '#services/workspace_access'
import { WRITE_ROLES } from '#enums/roles'

/**
 * Whether the user may see, apply, save and delete the agency's own templates from this
 * workspace: a member of the workspace's agency with a writing role. A client login (added to
 * one workspace only) may not — a template is shared by every client of the agency.
 */
export async function agencyTemplatesAllowed(user: User, workspace: Workspace) {
  const role = await WorkspaceAccess.agencyRole(user, workspace.agencyId)
  return role !== null && WRITE_ROLES.includes(role)
}
