import type { HttpContext } from '@adonisjs/core/http'
import { createApiTokenValidator } from '#validators/api_token'
import IssueApiToken from '#actions/auth/issue_api_token'
import ListWorkspaceTokens from '#actions/api_tokens/list_workspace_tokens'
import RevokeWorkspaceToken from '#actions/api_tokens/revoke_workspace_token'
import { DomainError } from '#exceptions/domain_error'
import { t } from '#services/i18n'

/**
 * Flash key of a token just issued: the redirected page shows its value once (flash lives for
 * one request, in the encrypted session); only its hash is stored.
 */
const NEW_TOKEN = 'apiToken'

/** `/w/:workspaceSlug/settings/api-tokens`: the signed-in user's tokens for this workspace. */
export default class ApiTokensController {
  async index({ inertia, auth, session, workspace }: HttpContext) {
    const tokens = await ListWorkspaceTokens.handle({ user: auth.getUserOrFail(), workspace })
    return inertia.render('settings/api-tokens', {
      tokens,
      newToken: (session.flashMessages.get(NEW_TOKEN) as string | undefined) ?? null,
    })
  }

  async store({ request, response, auth, session, workspace, locale }: HttpContext) {
    const { name, access } = await request.validateUsing(createApiTokenValidator)
    const token = await IssueApiToken.handle({
      user: auth.getUserOrFail(),
      workspace,
      name,
      readOnly: access === 'read',
    })
    session.flash(NEW_TOKEN, token.value!.release())
    session.flash('success', t(locale, 'api_tokens.created'))
    return response.redirect().back()
  }

  async destroy({ params, response, auth, session, workspace, locale }: HttpContext) {
    const user = auth.getUserOrFail()
    const revoked = await RevokeWorkspaceToken.handle({ user, workspace, id: String(params.id) })
    if (!revoked) throw new DomainError(404, 'not_found', 'errors.not_found')
    session.flash('success', t(locale, 'api_tokens.revoked'))
    return response.redirect().back()
  }
}
