/**
 * VineJS messages in the request's language (set by the locale middleware), pt-BR by default.
 * Validators stay language-neutral.
 */
import vine from '@vinejs/vine'
import { RequestValidator } from '@adonisjs/core/http'
import { DEFAULT_LOCALE, messagesProvider } from '#services/i18n'

vine.messagesProvider = messagesProvider(DEFAULT_LOCALE)
RequestValidator.messagesProvider = (ctx) => messagesProvider(ctx.locale ?? DEFAULT_LOCALE)
