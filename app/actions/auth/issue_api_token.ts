import User from '#models/user'
import type Workspace from '#models/workspace'
import { AGENCY_WIDE_ABILITY, READ_ONLY_ABILITY, workspaceAbility } from '#services/api_tokens'

/** Issues an opaque access token bound to one workspace, or agency-wide when none is given. */
export default class IssueApiToken {
  static async handle({
    user,
    workspace,
    name,
    readOnly = false,
  }: {
    user: User
    workspace: Workspace | null
    name?: string
    /** Read-only tokens get 403 on every write (see requireWrite). */
    readOnly?: boolean
  }) {
    const abilities = workspace ? [workspaceAbility(workspace.id)] : [AGENCY_WIDE_ABILITY]
    if (readOnly) abilities.push(READ_ONLY_ABILITY)
    return User.accessTokens.create(user, abilities, { name: name ?? 'api' })
  }
}
