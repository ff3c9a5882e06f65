import type { HttpContext } from '@adonisjs/core/http'
import { errors as authErrors } from '@adonisjs/auth'
import { loginValidator } from '#validators/auth'
import AuthenticateUser from '#actions/auth/authenticate_user'
import { DomainError } from '#exceptions/domain_error'
import { t } from '#services/i18n'
import TwoFactor, { TWO_FACTOR_PENDING } from '#actions/accounts/two_factor'
import RecordAudit from '#actions/accounts/record_audit'
import { agencyByAdminHost, belongsToAgency } from '#services/agency_brand'
import { requestHost } from '#services/request_host'
import { pullIntendedUrl } from '#services/intended_url'

/** Admin login and logout (session cookie). */
export default class SessionController {
  async create({ inertia }: HttpContext) {
    return inertia.render('auth/login', {})
  }

  async store(ctx: HttpContext) {
    const { request, auth, response, session } = ctx
    const { email, password } = await request.validateUsing(loginValidator)
    try {
      const user = await AuthenticateUser.handle({ email, password, ip: request.ip() })
      /**
       * An agency's own admin domain signs in only its people (members and client logins):
       * anyone else gets the same answer as a wrong password, revealing nothing.
       */
      const hostAgency = await agencyByAdminHost(requestHost(request))
      if (hostAgency && !(await belongsToAgency(user.id, hostAgency.id))) {
        throw new authErrors.E_INVALID_CREDENTIALS('Invalid user credentials')
      }
      /** With two-step verification on, the password only opens the code step (/login/two-factor). */
      if (await TwoFactor.isEnabled(user.id)) {
        session.put(TWO_FACTOR_PENDING, { userId: user.id, at: Date.now() })
        return response.redirect().toRoute('two_factor.challenge')
      }
      await auth.use('web').login(user)
      await RecordAudit.login(user, request.ip(), 'auth.login')
      /** The account's language follows the user to every device. */
      response.plainCookie('locale', user.locale, { encode: false, maxAge: '1y', httpOnly: false })
      /** Back to the page the expired session interrupted (a same-site path only). */
      const intended = pullIntendedUrl(ctx)
      if (intended) return response.redirect(intended)
      return response.redirect().toRoute('home')
    } catch (error) {
      if (!(error instanceof authErrors.E_INVALID_CREDENTIALS || error instanceof DomainError)) {
        throw error
      }
      const message =
        error instanceof DomainError
          ? t(ctx.locale, error.messageKey, error.params)
          : t(ctx.locale, 'auth.invalid_credentials')
      /** A locked login goes back to the form (Inertia shows the message) but says when to retry. */
      if (error instanceof DomainError && error.status === 429) {
        response.header('Retry-After', String(error.params.seconds))
      }
      session.flashOnly(['email'])
      session.flash('inputErrorsBag', { email: [message] })
      return response.redirect().back()
    }
  }

  /**
   * Ends the session on the server: the store entry is destroyed (an emptied session is deleted
   * at commit) and the next request gets a new id, so a copy of the old cookie is worthless.
   */
  async destroy({ auth, response, session }: HttpContext) {
    await auth.use('web').logout()
    session.clear()
    session.regenerate()
    return response.redirect().toRoute('session.create')
  }
}
