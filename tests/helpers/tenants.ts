import { randomBytes } from 'node:crypto'
import type Agency from '#models/agency'
import type User from '#models/user'
import type Workspace from '#models/workspace'
import { UserFactory } from '#database/factories/user_factory'
import { AgencyFactory } from '#database/factories/agency_factory'
import { WorkspaceFactory } from '#database/factories/workspace_factory'
import type { AgencyRole, WorkspaceRole } from '#enums/roles'
import IssueApiToken from '#actions/auth/issue_api_token'

/** An agency with an owner and one workspace: the usual starting point of a tenancy test. */
export async function createTenant(options: { workspaceSlug?: string } = {}) {
  const agency = await AgencyFactory.create()
  const owner = await UserFactory.create()
  await agency.related('members').create({ userId: owner.id, role: 'owner' })
  const workspace = await WorkspaceFactory.merge({
    agencyId: agency.id,
    ...(options.workspaceSlug ? { slug: options.workspaceSlug } : {}),
  }).create()
  return { agency, owner, workspace }
}

/** A user who belongs to the agency with a role (sees all its workspaces). */
export async function agencyMember(agency: Agency, role: AgencyRole) {
  const user = await UserFactory.create()
  await agency.related('members').create({ userId: user.id, role })
  return user
}

/** A client login: sees only this workspace. */
export async function workspaceMember(workspace: Workspace, role: WorkspaceRole) {
  const user = await UserFactory.create()
  await workspace.related('members').create({ userId: user.id, role })
  return user
}

/** A plain-text API token bound to the workspace (or agency-wide when null). */
export async function apiToken(user: User, workspace: Workspace | null) {
  const token = await IssueApiToken.handle({ user, workspace })
  return token.value!.release()
}

export function randomSlug(prefix = 'ws') {
  return `${prefix}-${randomBytes(5).toString('hex')}`
}
