import type { HttpContext } from '@adonisjs/core/http'
import { errors } from '@adonisjs/core'
import ReadOutbox from '#actions/accounts/read_outbox'

/**
 * "Caixa de saída" (development only): the e-mails the local SMTP catcher received, so that
 * sign-up, password reset and invitations can be followed without a real mailbox. Open to the
 * signed-out too (a forgotten password is read here); a 404 in production.
 */
export default class OutboxController {
  async index({ inertia, request }: HttpContext) {
    this.#ensureEnabled(request.url())
    return inertia.render('outbox/index', {
      messages: await ReadOutbox.list(),
      directory: ReadOutbox.directory,
    })
  }

  async show({ inertia, params, request }: HttpContext) {
    this.#ensureEnabled(request.url())
    const message = await ReadOutbox.find(String(params.id))
    if (!message) throw new errors.E_ROUTE_NOT_FOUND(['GET', request.url()])
    return inertia.render('outbox/show', { message })
  }

  #ensureEnabled(url: string) {
    if (!ReadOutbox.enabled) throw new errors.E_ROUTE_NOT_FOUND(['GET', url])
  }
}
