import type { HttpContext } from '@adonisjs/core/http'
import { localeValidator } from '#validators/auth'
import User from '#models/user'

/** The language switcher: a cookie for everyone, remembered on the account when signed in. */
export default class LocaleController {
  async update({ request, response, auth }: HttpContext) {
    const { locale } = await request.validateUsing(localeValidator)
    response.plainCookie('locale', locale, { encode: false, maxAge: '1y', httpOnly: false })
    const web = auth.use('web')
    if (await web.check()) {
      await User.query().where('id', web.user!.id).update({ locale })
    }
    return response.redirect().back()
  }
}
