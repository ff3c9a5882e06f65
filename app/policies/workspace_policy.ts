import { BasePolicy } from '@adonisjs/bouncer'
import type User from '#models/user'
import type Workspace from '#models/workspace'
import WorkspaceAccess from '#services/workspace_access'

/**
 * What a user may do inside a workspace, by role: everyone who can open it reads, editors and
 * up write (funnels, pixels, credentials, payments), owners and admins manage the workspace.
 * The workspace must come from WorkspaceAccess, which loads the role.
 */
export default class WorkspacePolicy extends BasePolicy {
  view(_user: User, workspace: Workspace) {
    return WorkspaceAccess.roleOf(workspace) !== null
  }

  write(_user: User, workspace: Workspace) {
    return WorkspaceAccess.canWrite(workspace)
  }

  manage(_user: User, workspace: Workspace) {
    return WorkspaceAccess.canManage(workspace)
  }
}
