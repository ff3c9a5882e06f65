import User from '#models/user'
import type Workspace from '#models/workspace'
import { isReadOnlyToken, workspaceIdOfToken } from '#services/api_tokens'

/** The user's API tokens bound to this workspace (agency-wide ones are not listed here). */
export default class ListWorkspaceTokens {
  static async handle({ user, workspace }: { user: User; workspace: Workspace }) {
    const tokens = await User.accessTokens.all(user)
    return tokens
      .filter((token) => workspaceIdOfToken(token) === workspace.id)
      .map((token) => ({
        id: String(token.identifier),
        name: token.name ?? 'api',
        readOnly: isReadOnlyToken(token),
        createdAt: token.createdAt?.toISOString() ?? null,
        lastUsedAt: token.lastUsedAt?.toISOString() ?? null,
        expiresAt: token.expiresAt?.toISOString() ?? null,
      }))
  }
}
