import type { HttpContext } from '@adonisjs/core/http'
import { errors as authErrors } from '@adonisjs/auth'
import User from '#models/user'
import AcceptInvitation from '#actions/accounts/accept_invitation'
import AuthenticateUser from '#actions/auth/authenticate_user'
import { acceptInvitationValidator, newAccountValidator } from '#validators/team'
import { fieldError } from '#actions/accounts/field_error'
import { DomainError } from '#exceptions/domain_error'
import { t } from '#services/i18n'
import WorkspaceAccess from '#services/workspace_access'

/**
 * The invitation link: signed in as the invited address, one click accepts; signed out, the
 * invited address's password (existing account) or a name and password (new account) accept
 * and sign in. Works once; an unknown, used, expired or revoked link shows the same page.
 */
export default class TeamInvitationsController {
  async show({ params, inertia, auth }: HttpContext) {
    const invitation = await AcceptInvitation.find(String(params.token))
    if (!invitation) return inertia.render('auth/link_invalid', { reason: 'invitation' })
    const web = auth.use('web')
    const signedIn = (await web.check()) ? web.user! : null
    const hasAccount = !!(await User.byEmail(invitation.email).first())
    const workspaces = invitation.workspaceIds
      ? await invitation.agency
          .related('workspaces')
          .query()
          .whereIn('id', invitation.workspaceIds)
          .orderBy('name')
      : []
    return inertia.render('auth/accept_invitation', {
      token: String(params.token),
      invitation: {
        email: invitation.email,
        agency: invitation.agency.name,
        role: invitation.role,
        workspaces: invitation.workspaceIds ? workspaces.map((w) => w.name) : null,
      },
      hasAccount,
      signedInAs: signedIn?.email ?? null,
    })
  }

  async accept(ctx: HttpContext) {
    const { params, request, response, auth, session, inertia } = ctx
    const token = String(params.token)
    const web = auth.use('web')
    let result
    try {
      if (await web.check()) {
        result = await AcceptInvitation.handle({ token, user: web.user! })
      } else {
        const invitation = await AcceptInvitation.find(token)
        if (!invitation) return inertia.render('auth/link_invalid', { reason: 'invitation' })
        const existing = await User.byEmail(invitation.email).first()
        if (existing) {
          const { password } = await request.validateUsing(acceptInvitationValidator)
          const user = await AuthenticateUser.handle({
            email: invitation.email,
            password,
            ip: request.ip(),
          })
          result = await AcceptInvitation.handle({ token, user })
        } else {
          const data = await request.validateUsing(newAccountValidator)
          result = await AcceptInvitation.handle({
            token,
            newAccount: { ...data, locale: ctx.locale },
          })
        }
      }
    } catch (error) {
      if (error instanceof authErrors.E_INVALID_CREDENTIALS) {
        throw fieldError(
          'password',
          'invalid_credentials',
          t(ctx.locale, 'auth.invalid_credentials')
        )
      }
      if (error instanceof DomainError && error.status !== 404) {
        session.flash('error', t(ctx.locale, error.messageKey, error.params))
        return response.redirect().back()
      }
      throw error
    }
    if (!result) return inertia.render('auth/link_invalid', { reason: 'invitation' })
    if (!(await web.check())) await web.login(result.user)
    session.flash('success', t(ctx.locale, 'team.accepted'))
    return response.redirect(await WorkspaceAccess.homeUrl(result.user, result.workspace ?? null))
  }
}
