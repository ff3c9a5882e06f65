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

  /**
   * The HTML version alone, for the page's frame: served sandboxed (an opaque origin, no
   * scripts) so a message's markup can never act on the admin.
   */
  async html({ params, request, response }: HttpContext) {
    this.#ensureEnabled(request.url())
    const message = await ReadOutbox.find(String(params.id))
    if (!message) throw new errors.E_ROUTE_NOT_FOUND(['GET', request.url()])
    response.header('Content-Type', 'text/html; charset=utf-8')
    response.header('X-Frame-Options', 'SAMEORIGIN')
    response.header(
      'Content-Security-Policy',
      "sandbox allow-popups allow-popups-to-escape-sandbox; default-src 'none'; style-src 'unsafe-inline'; img-src data: https: http:; frame-ancestors 'self'"
    )
    response.header('Cache-Control', 'no-store')
    return response.send(message.html.replace('<head>', '<head><base target="_blank">'))
  }

  #ensureEnabled(url: string) {
    if (!ReadOutbox.enabled) throw new errors.E_ROUTE_NOT_FOUND(['GET', url])
  }
}
