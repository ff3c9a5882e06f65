import User from '#models/user'
import Workspace from '#models/workspace'
import { workspaceIdOfToken } from '#services/api_tokens'

/**
 * The API tokens of a user for the profile page: name, the workspace it is bound to (or
 * agency-wide), when it was created and last used. Expired tokens are left out.
 */
export default class ListAccess {
  static async handle({ user }: { user: User }) {
    const all = await User.accessTokens.all(user)
    const tokens = all.filter((token) => !token.isExpired())
    const ids = tokens.map(workspaceIdOfToken).filter((id): id is number => id !== null)
    const names = new Map(
      (ids.length ? await Workspace.query().whereIn('id', ids).select('id', 'name') : []).map(
        (w) => [w.id, w.name]
      )
    )
    return tokens.map((token) => {
      const workspaceId = workspaceIdOfToken(token)
      return {
        id: Number(token.identifier),
        name: token.name ?? 'api',
        workspace: workspaceId ? (names.get(workspaceId) ?? null) : null,
        createdAt: token.createdAt.toISOString(),
        lastUsedAt: token.lastUsedAt?.toISOString() ?? null,
        expiresAt: token.expiresAt?.toISOString() ?? null,
      }
    })
  }
}
