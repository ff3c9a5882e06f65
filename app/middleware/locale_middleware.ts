import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'
import { DEFAULT_LOCALE, isLocale, localeFromHeader } from '#services/i18n'

/**
 * The language of the request. The admin speaks pt-BR unless the user picked another language
 * (the `locale` cookie, set by the switcher and at login from the account); API clients may
 * also ask through Accept-Language.
 */
export default class LocaleMiddleware {
  handle(ctx: HttpContext, next: NextFn) {
    const chosen = ctx.request.plainCookie('locale', { encoded: false })
    if (isLocale(chosen)) {
      ctx.locale = chosen
    } else if (ctx.request.url().startsWith('/api/')) {
      ctx.locale = localeFromHeader(ctx.request.header('accept-language'))
    } else {
      ctx.locale = DEFAULT_LOCALE
    }
    return next()
  }
}
