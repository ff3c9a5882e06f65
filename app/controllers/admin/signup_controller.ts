import type { HttpContext } from '@adonisjs/core/http'
import { signUpValidator } from '#validators/account'
import SignUpAgency from '#actions/accounts/sign_up_agency'
import VerifyEmail from '#actions/accounts/verify_email'
import ResendVerification from '#actions/accounts/resend_verification'
import { spend } from '#actions/accounts/throttle'
import { t } from '#services/i18n'
import WorkspaceAccess from '#services/workspace_access'

/**
 * Sign-up of a new agency and the e-mail verification link. Every valid sign-up ends on the
 * same "check your e-mail" page, whether the address was new or already had an account.
 */
export default class SignupController {
  async create({ inertia }: HttpContext) {
    return inertia.render('auth/signup', {})
  }

  async store(ctx: HttpContext) {
    const { request, response, session } = ctx
    const data = await request.validateUsing(signUpValidator)
    const wait = await spend('signup', request.ip())
    if (wait) {
      session.flashExcept(['password', 'passwordConfirmation'])
      session.flash('error', t(ctx.locale, 'accounts.too_many', { minutes: Math.ceil(wait / 60) }))
      return response.redirect().back()
    }
    await SignUpAgency.handle({ data, locale: ctx.locale })
    session.flash('signupEmail', data.email)
    return response.redirect().toRoute('signup.sent')
  }

  async sent({ inertia, session }: HttpContext) {
    return inertia.render('auth/check_email', {
      email: (session.flashMessages.get('signupEmail') as string | undefined) ?? null,
    })
  }

  /** The link from the e-mail: works signed in or not (it may be opened on another device). */
  async verify(ctx: HttpContext) {
    const { params, auth, response, session, inertia } = ctx
    const user = await VerifyEmail.handle({ token: String(params.token) })
    if (!user) {
      return inertia.render('auth/link_invalid', { reason: 'verification' })
    }
    session.flash('success', t(ctx.locale, 'accounts.email_verified'))
    const web = auth.use('web')
    if (!(await web.check())) return response.redirect().toRoute('session.create')
    /** Straight to a page (`/` redirects once more, and the flash would not survive it). */
    return response.redirect(await WorkspaceAccess.homeUrl(web.user!))
  }

  /** "Reenviar e-mail" from the banner of an unverified account. */
  async resend(ctx: HttpContext) {
    const { auth, response, session } = ctx
    const user = auth.getUserOrFail()
    const wait = await spend('resendVerification', String(user.id))
    if (wait) {
      session.flash('error', t(ctx.locale, 'accounts.too_many', { minutes: Math.ceil(wait / 60) }))
      return response.redirect().back()
    }
    await ResendVerification.handle({ user })
    session.flash('success', t(ctx.locale, 'accounts.verification_sent', { email: user.email }))
    return response.redirect().back()
  }
}
