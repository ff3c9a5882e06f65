import User from '#models/user'
import type Workspace from '#models/workspace'
import { workspaceIdOfToken } from '#services/api_tokens'

/**
 * Revokes one of the user's tokens bound to this workspace. Another user's token, an
 * agency-wide token or one of another workspace is `false` (the controller answers 404).
 */
export default class RevokeWorkspaceToken {
  static async handle({ user, workspace, id }: { user: User; workspace: Workspace; id: string }) {
    if (!/^\d{1,18}$/.test(id)) return false
    const token = await User.accessTokens.find(user, id)
    if (!token || workspaceIdOfToken(token) !== workspace.id) return false
    await User.accessTokens.delete(user, token.identifier)
    return true
  }
}
