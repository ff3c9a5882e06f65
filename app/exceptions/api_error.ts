import { Exception } from '@adonisjs/core/exceptions'
import type { HttpContext } from '@adonisjs/core/http'
import { t } from '#services/i18n'

/**
 * An error the API answers as `{ errors: [{ field?, rule, message }] }` with its status.
 * The message is a dictionary key, translated in the request's language.
 */
export class ApiError extends Exception {
  constructor(
    status: number,
    public rule: string,
    public messageKey: string,
    public field?: string,
    public params: Record<string, string | number> = {}
  ) {
    super(messageKey, { status, code: `E_API_${rule.toUpperCase()}` })
  }

  async handle(error: this, ctx: HttpContext) {
    const message = t(ctx.locale ?? 'pt-BR', error.messageKey, error.params)
    if (
      ctx.request.accepts(['html', 'json']) === 'html' &&
      !ctx.request.url().startsWith('/api/')
    ) {
      return ctx.response.status(error.status).send(message)
    }
    ctx.response.status(error.status).send({
      errors: [{ ...(error.field ? { field: error.field } : {}), rule: error.rule, message }],
    })
  }
}
