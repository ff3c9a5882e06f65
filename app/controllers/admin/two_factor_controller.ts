import { pullIntendedUrl } from '#services/intended_url'
import type { HttpContext } from '@adonisjs/core/http'
import hash from '@adonisjs/core/services/hash'
import vine from '@vinejs/vine'
import User from '#models/user'
import TwoFactor, { TWO_FACTOR_PENDING, TWO_FACTOR_PENDING_MS } from '#actions/accounts/two_factor'
import { fieldError } from '#actions/accounts/field_error'
import RecordAudit from '#actions/accounts/record_audit'
import { t } from '#services/i18n'
import { resolveAdminBrand } from '#services/agency_brand'
import { requestHost } from '#services/request_host'

const codeValidator = vine.create({ code: vine.string().trim().minLength(6).maxLength(20) })
const passwordValidator = vine.create({
  currentPassword: vine.string().minLength(1).maxLength(255),
})

/**
 * Two-factor: the code step of the admin login (after a right password), and enrolment /
 * removal from the profile.
 */
export default class TwoFactorController {
  async challenge({ inertia, session, response }: HttpContext) {
    if (!this.#pending(session)) return response.redirect().toRoute('session.create')
    return inertia.render('auth/two_factor', {})
  }

  async verify(ctx: HttpContext) {
    const { request, session, response, auth } = ctx
    const pending = this.#pending(session)
    if (!pending) return response.redirect().toRoute('session.create')
    const { code } = await request.validateUsing(codeValidator)
    const user = await User.find(pending.userId)
    if (!user || !user.isActive) return response.redirect().toRoute('session.create')
    const result = await TwoFactor.verify(user, code)
    if (result !== 'ok') {
      throw fieldError('code', result, t(ctx.locale, `two_factor.${result}`))
    }
    session.forget(TWO_FACTOR_PENDING)
    await auth.use('web').login(user)
    await RecordAudit.login(user, request.ip(), 'auth.login')
    response.plainCookie('locale', user.locale, { encode: false, maxAge: '1y', httpOnly: false })
    /** Back to the page the expired session interrupted (a same-site path only). */
    const intended = pullIntendedUrl(ctx)
    if (intended) return response.redirect(intended)
    return response.redirect().toRoute('home')
  }

  /** Profile: a new secret and its QR code, not in force until a first code confirms it. */
  async setup({ inertia, auth, response, request }: HttpContext) {
    const user = auth.getUserOrFail()
    if (await TwoFactor.isEnabled(user.id)) return response.redirect().toRoute('profile.show')
    /** The authenticator app lists the brand the user sees (white-label: the agency's name). */
    const brand = await resolveAdminBrand({ host: requestHost(request), userId: user.id })
    const enrolment = await TwoFactor.start(user, brand.productName)
    return inertia.render('profile/two_factor', { qr: enrolment.qr, secret: enrolment.secret })
  }

  async confirm(ctx: HttpContext) {
    const { request, auth, session, response } = ctx
    const { code } = await request.validateUsing(codeValidator)
    const codes = await TwoFactor.confirm(auth.getUserOrFail(), code)
    if (!codes) throw fieldError('code', 'invalid', t(ctx.locale, 'two_factor.invalid'))
    session.flash('recoveryCodes', codes)
    session.flash('success', t(ctx.locale, 'two_factor.enabled'))
    return response.redirect().toRoute('profile.show')
  }

  async destroy(ctx: HttpContext) {
    const { request, auth, session, response } = ctx
    const user = auth.getUserOrFail()
    const { currentPassword } = await request.validateUsing(passwordValidator)
    if (!(await hash.verify(user.password, currentPassword))) {
      throw fieldError(
        'currentPassword',
        'current_password',
        t(ctx.locale, 'accounts.wrong_password')
      )
    }
    await TwoFactor.disable(user.id)
    session.flash('success', t(ctx.locale, 'two_factor.disabled'))
    return response.redirect().toRoute('profile.show')
  }

  #pending(session: HttpContext['session']) {
    const pending = session.get(TWO_FACTOR_PENDING) as { userId: number; at: number } | undefined
    if (!pending || Date.now() - pending.at > TWO_FACTOR_PENDING_MS) return null
    return pending
  }
}
