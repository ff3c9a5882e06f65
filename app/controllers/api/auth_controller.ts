import type { HttpContext } from '@adonisjs/core/http'
import { apiLoginValidator } from '#validators/auth'
import AuthenticateUser from '#actions/auth/authenticate_user'
import IssueApiToken from '#actions/auth/issue_api_token'
import WorkspaceAccess from '#services/workspace_access'
import UserTransformer from '#transformers/user_transformer'
import WorkspaceTransformer from '#transformers/workspace_transformer'
import { workspaceIdOfToken } from '#services/api_tokens'
import { DomainError } from '#exceptions/domain_error'
import User from '#models/user'
import TwoFactor from '#actions/accounts/two_factor'
import RecordAudit from '#actions/accounts/record_audit'
import { serialize } from '#services/serialize'

/** The seed's `/api/auth/*`: opaque access tokens instead of JWT. */
export default class AuthController {
  /** `POST /api/auth/login` → `{ token, type, expiresAt, user, workspace }`. */
  async login({ request, response }: HttpContext) {
    const {
      email,
      password,
      workspace: key,
      tokenName,
      otp,
    } = await request.validateUsing(apiLoginValidator)
    const user = await AuthenticateUser.handle({ email, password, ip: request.ip() })
    await TwoFactor.requireForApi(user, otp)

    let workspace = null
    if (key !== undefined) {
      workspace = await WorkspaceAccess.find(
        user,
        typeof key === 'number' || /^\d+$/.test(key) ? { id: Number(key) } : { slug: key }
      )
      if (!workspace) throw new DomainError(404, 'not_found', 'errors.not_found', 'workspace')
    }

    const token = await IssueApiToken.handle({ user, workspace, name: tokenName })
    await RecordAudit.login(user, request.ip(), 'api.auth.login', workspace)
    return response.ok(
      await serialize({
        token: token.value!.release(),
        type: 'bearer',
        expiresAt: token.expiresAt?.toISOString() ?? null,
        user: UserTransformer.transform(user),
        workspace: workspace ? WorkspaceTransformer.transform(workspace) : null,
      })
    )
  }

  /** `POST /api/auth/logout`: revokes the token used for this request. */
  async logout({ auth, response }: HttpContext) {
    const user = auth.use('api').getUserOrFail()
    await User.accessTokens.delete(user, user.currentAccessToken.identifier)
    return response.ok({ revoked: true })
  }

  /** `GET /api/auth/me`: the user, the workspaces it can open and the token's workspace. */
  async me({ auth }: HttpContext) {
    const user = auth.getUserOrFail()
    const token = 'currentAccessToken' in user ? user.currentAccessToken : undefined
    const boundId = token ? workspaceIdOfToken(token) : null
    const workspaces = await WorkspaceAccess.list(user)
    const bound = boundId === null ? null : workspaces.find((w) => w.id === boundId)
    return serialize({
      user: UserTransformer.transform(user),
      workspace: bound ? WorkspaceTransformer.transform(bound) : null,
      workspaces: WorkspaceTransformer.transform(workspaces).useVariant('withAgency'),
    })
  }
}
