import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'
import { isLocale, localeFromHeader } from '#services/i18n'

/** The language of the request: the `locale` cookie set by the switcher, else Accept-Language. */
export default class LocaleMiddleware {
  handle(ctx: HttpContext, next: NextFn) {
    const chosen = ctx.request.plainCookie('locale', { encoded: false })
    ctx.locale = isLocale(chosen) ? chosen : localeFromHeader(ctx.request.header('accept-language'))
    return next()
  }
}
