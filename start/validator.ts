/**
 * VineJS messages in the request's language. Validators stay language-neutral; the
 * messages provider is picked per request by the locale middleware, pt-BR by default.
 */
import vine from '@vinejs/vine'
import { messagesProvider } from '#services/i18n'

vine.messagesProvider = messagesProvider('pt-BR')
