import type { HttpContext } from '@adonisjs/core/http'
import { errors } from '@adonisjs/core'
import db from '@adonisjs/lucid/services/db'
import { DateTime } from 'luxon'
import AccountToken from '#models/account_token'
import {
  changeEmailValidator,
  changePasswordValidator,
  updateProfileValidator,
} from '#validators/account'
import UpdateProfile from '#actions/accounts/update_profile'
import RequestEmailChange from '#actions/accounts/request_email_change'
import ConfirmEmailChange from '#actions/accounts/confirm_email_change'
import ChangeOwnPassword from '#actions/accounts/change_password'
import EndOtherSessions from '#actions/accounts/end_other_sessions'
import ListAccess from '#actions/accounts/list_access'
import TwoFactor from '#actions/accounts/two_factor'
import { spend } from '#actions/accounts/throttle'
import { t } from '#services/i18n'

/** "Meu perfil": name, language, e-mail, password, sessions and API tokens of the signed-in user. */
export default class ProfileController {
  async show({ inertia, auth, session }: HttpContext) {
    const user = auth.getUserOrFail()
    const pending = await AccountToken.query()
      .where('user_id', user.id)
      .where('purpose', 'email_change')
      .whereNull('used_at')
      .where('expires_at', '>', DateTime.now().toSQL()!)
      .orderBy('id', 'desc')
      .first()
    return inertia.render('profile/show', {
      profile: {
        name: user.name,
        email: user.email,
        locale: user.locale,
        emailVerified: !!user.emailVerifiedAt,
        pendingEmail: pending?.email ?? null,
      },
      tokens: await ListAccess.handle({ user }),
      twoFactor: {
        enabled: await TwoFactor.isEnabled(user.id),
        /** Shown once, right after enrolment. */
        recoveryCodes: (session.flashMessages.get('recoveryCodes') as string[] | undefined) ?? null,
      },
    })
  }

  async update(ctx: HttpContext) {
    const { request, auth, response, session } = ctx
    const data = await request.validateUsing(updateProfileValidator)
    await UpdateProfile.handle({ user: auth.getUserOrFail(), data })
    response.plainCookie('locale', data.locale, { encode: false, maxAge: '1y', httpOnly: false })
    session.flash('success', t(data.locale, 'accounts.profile_saved'))
    return response.redirect().back()
  }

  async requestEmailChange(ctx: HttpContext) {
    const { request, auth, response, session } = ctx
    const user = auth.getUserOrFail()
    const { email, currentPassword } = await request.validateUsing(changeEmailValidator)
    const wait = await spend('emailChange', String(user.id))
    if (wait) {
      session.flash('error', t(ctx.locale, 'accounts.too_many', { minutes: Math.ceil(wait / 60) }))
      return response.redirect().back()
    }
    await RequestEmailChange.handle({ user, email, currentPassword })
    session.flash('success', t(ctx.locale, 'accounts.email_change_sent', { email }))
    return response.redirect().back()
  }

  /** The link sent to the new address; works signed in or not. */
  async confirmEmailChange(ctx: HttpContext) {
    const { params, auth, response, session, inertia } = ctx
    const user = await ConfirmEmailChange.handle({ token: String(params.token) })
    if (!user) return inertia.render('auth/link_invalid', { reason: 'email_change' })
    session.flash('success', t(ctx.locale, 'accounts.email_changed', { email: user.email }))
    return response
      .redirect()
      .toRoute((await auth.use('web').check()) ? 'profile.show' : 'session.create')
  }

  async changePassword(ctx: HttpContext) {
    const { request, auth, response, session } = ctx
    const data = await request.validateUsing(changePasswordValidator)
    await ChangeOwnPassword.handle({
      user: auth.getUserOrFail(),
      currentPassword: data.currentPassword,
      password: data.password,
      ctx,
    })
    session.flash('success', t(ctx.locale, 'accounts.password_changed'))
    return response.redirect().back()
  }

  /** "Encerrar" on one API token: only the user's own tokens (another's id is a 404). */
  async destroyToken(ctx: HttpContext) {
    const { params, auth, response, session } = ctx
    const deleted = await db
      .from('auth_access_tokens')
      .where('tokenable_id', auth.getUserOrFail().id)
      .where('id', Number(params.id))
      .delete()
    if (!deleted) throw new errors.E_ROUTE_NOT_FOUND(['DELETE', `/profile/tokens/${params.id}`])
    session.flash('success', t(ctx.locale, 'accounts.token_revoked'))
    return response.redirect().back()
  }

  /** "Encerrar as outras sessões": every other browser signs in again; API tokens stay. */
  async endOtherSessions(ctx: HttpContext) {
    const { auth, response, session } = ctx
    await EndOtherSessions.handle({ user: auth.getUserOrFail(), ctx })
    session.flash('success', t(ctx.locale, 'accounts.sessions_ended'))
    return response.redirect().back()
  }
}
