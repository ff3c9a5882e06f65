import { SessionLucidUserProvider } from '@adonisjs/auth/session'
import { AccessTokensLucidUserProvider } from '@adonisjs/auth/access_tokens'
import type User from '#models/user'

type UserModel = typeof User

/**
 * The admin session stores `{userId}:{sessionVersion}` rather than the bare id. Every request
 * the session authenticates loads the user and compares the version, so bumping
 * `users.session_version` (RevokeUserAccess: deactivation, a password change) ends all of that
 * user's sessions at once, on every instance, whichever store holds them. A deactivated user
 * is refused even before the bump reaches a session.
 */
export class VersionedSessionUserProvider extends SessionLucidUserProvider<UserModel> {
  async createUserForGuard(user: User) {
    const guardUser = await super.createUserForGuard(user)
    return {
      getId: () => `${guardUser.getId()}:${user.sessionVersion ?? 0}`,
      getOriginal: () => user,
    }
  }

  async findById(identifier: string | number | BigInt) {
    /** A bare id (a session from before versions) no longer authenticates: one new login. */
    const match = /^(\d+):(\d+)$/.exec(String(identifier))
    if (!match) return null
    const Model = await this.getModel()
    const user = await Model.find(Number(match[1]))
    if (!user || !user.isActive || (user.sessionVersion ?? 0) !== Number(match[2])) return null
    return this.createUserForGuard(user)
  }
}

/**
 * API tokens of a deactivated user are deleted by RevokeUserAccess; refusing inactive users here
 * as well keeps a token from working if a deactivation ever skips that action.
 */
export class ActiveTokensUserProvider extends AccessTokensLucidUserProvider<
  'accessTokens',
  UserModel
> {
  async findById(identifier: string | number | BigInt) {
    const guardUser = await super.findById(identifier)
    if (!guardUser || !guardUser.getOriginal().isActive) return null
    return guardUser
  }
}
