import { BasePolicy } from '@adonisjs/bouncer'
import type User from '#models/user'
import type Agency from '#models/agency'
import WorkspaceAccess from '#services/workspace_access'
import { MANAGE_ROLES } from '#enums/roles'

/** Agency-level actions: only its owners and admins create and archive workspaces. */
export default class AgencyPolicy extends BasePolicy {
  async manageWorkspaces(user: User, agency: Agency) {
    const role = await WorkspaceAccess.agencyRole(user, agency.id)
    return role !== null && MANAGE_ROLES.includes(role)
  }
}
