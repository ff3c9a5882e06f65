/**
 * VineJS messages in the request's language (set by the locale middleware), pt-BR by default.
 * Validators stay language-neutral.
 */
import vine from '@vinejs/vine'
import type { MessagesProviderContact } from '@vinejs/vine/types'
import { HttpContext, RequestValidator } from '@adonisjs/core/http'
import { DEFAULT_LOCALE, messagesProvider } from '#services/i18n'

/**
 * Validations outside `request.validateUsing` (inside actions, e.g. a step's content) use the
 * language of the request being served (async local storage), pt-BR in workers: actions never
 * take a locale to translate their own messages.
 */
const requestLanguage: MessagesProviderContact = {
  getMessage(...args) {
    const locale = HttpContext.get()?.locale ?? DEFAULT_LOCALE
    return messagesProvider(locale).getMessage(...args)
  },
}
vine.messagesProvider = requestLanguage
RequestValidator.messagesProvider = (ctx) => messagesProvider(ctx.locale ?? DEFAULT_LOCALE)
