import type { HttpContext } from '@adonisjs/core/http'
import { forgotPasswordValidator, resetPasswordValidator } from '#validators/account'
import RequestPasswordReset from '#actions/accounts/request_password_reset'
import ResetPassword from '#actions/accounts/reset_password'
import { findUsableToken } from '#actions/accounts/account_tokens'
import { spend } from '#actions/accounts/throttle'
import { t } from '#services/i18n'

/**
 * "Esqueci minha senha": the request form answers the same for every address (known, unknown,
 * throttled per e-mail); the link's form sets a new password once.
 */
export default class PasswordResetController {
  async create({ inertia }: HttpContext) {
    return inertia.render('auth/forgot_password', {})
  }

  async store(ctx: HttpContext) {
    const { request, response, session } = ctx
    const { email } = await request.validateUsing(forgotPasswordValidator)
    const wait = await spend('passwordReset', request.ip())
    if (wait) {
      session.flash('error', t(ctx.locale, 'accounts.too_many', { minutes: Math.ceil(wait / 60) }))
      return response.redirect().back()
    }
    /** Past three links an hour an address gets no more, but the answer does not say so. */
    if (!(await spend('passwordResetPerEmail', email))) {
      await RequestPasswordReset.handle({ email })
    }
    session.flash('success', t(ctx.locale, 'accounts.reset_requested', { email }))
    return response.redirect().back()
  }

  async edit({ params, inertia }: HttpContext) {
    const token = String(params.token)
    if (!(await findUsableToken(token, 'password_reset'))) {
      return inertia.render('auth/link_invalid', { reason: 'reset' })
    }
    return inertia.render('auth/reset_password', { token })
  }

  async update(ctx: HttpContext) {
    const { params, request, response, session, inertia } = ctx
    const { password } = await request.validateUsing(resetPasswordValidator)
    const user = await ResetPassword.handle({
      token: String(params.token),
      password,
      ip: request.ip(),
    })
    if (!user) return inertia.render('auth/link_invalid', { reason: 'reset' })
    session.flash('success', t(ctx.locale, 'accounts.password_reset_done'))
    return response.redirect().toRoute('session.create')
  }
}
