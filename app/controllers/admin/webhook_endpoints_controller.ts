import type { HttpContext } from '@adonisjs/core/http'
import { pageOf } from '#services/pagination'
import { webhookEndpointValidator } from '#validators/webhook_endpoint'
import WebhookEndpointTransformer from '#transformers/webhook_endpoint_transformer'
import ListWebhookEndpoints from '#actions/webhook_endpoints/list_webhook_endpoints'
import CreateWebhookEndpoint from '#actions/webhook_endpoints/create_webhook_endpoint'
import UpdateWebhookEndpoint from '#actions/webhook_endpoints/update_webhook_endpoint'
import DeleteWebhookEndpoint from '#actions/webhook_endpoints/delete_webhook_endpoint'
import RotateWebhookSecret from '#actions/webhook_endpoints/rotate_webhook_secret'
import SendTestWebhook from '#actions/webhook_endpoints/send_test_webhook'
import { WEBHOOK_EVENTS, SIGNATURE_HEADER, TIMESTAMP_HEADER } from '#integrations/webhooks/outbound'
import { t } from '#services/i18n'
import type WebhookEndpoint from '#models/webhook_endpoint'

const PER_PAGE = 50

/**
 * Flash key of a secret just generated (create, rotate): the redirected page shows it once.
 * Flash lives for one request, in the encrypted session; the next page view no longer has it.
 */
const NEW_SECRET = 'webhookSecret'

/** The flashed secret: the endpoint it belongs to (its row shows it) and the secret. */
function newSecretOf(endpoint: { id: number; secret: string }) {
  return { endpointId: endpoint.id, secret: endpoint.secret }
}
export type NewSecret = ReturnType<typeof newSecretOf>

/** `/w/:workspaceSlug/webhooks`: the endpoints page; writes share the API's actions. */
export default class WebhookEndpointsController {
  async index({ inertia, request, session, workspace }: HttpContext) {
    const page = positiveInt(request.qs().page) ?? 1
    const endpoints = await ListWebhookEndpoints.handle({ workspace, page, perPage: PER_PAGE })
    const newSecret = session.flashMessages.get(NEW_SECRET) as NewSecret | undefined
    return inertia.render('webhooks/index', {
      endpoints: await pageOf(endpoints, (rows) => WebhookEndpointTransformer.transform(rows)),
      events: [...WEBHOOK_EVENTS],
      headers: { signature: SIGNATURE_HEADER, timestamp: TIMESTAMP_HEADER },
      newSecret: newSecret ?? null,
    })
  }

  async store({ request, response, session, workspace, locale }: HttpContext) {
    const data = await request.validateUsing(webhookEndpointValidator)
    const endpoint = await CreateWebhookEndpoint.handle({ workspace, data })
    this.#flashSecret(session, endpoint)
    session.flash('success', t(locale, 'webhooks.created'))
    return response.redirect().back()
  }

  /** The form sends the whole endpoint (no box checked means no events: a field error). */
  async update({ params, request, response, session, workspace, locale }: HttpContext) {
    const endpoint = await this.#find(workspace, params.id)
    const data = await request.validateUsing(webhookEndpointValidator)
    await UpdateWebhookEndpoint.handle({ endpoint, data })
    session.flash('success', t(locale, 'webhooks.updated'))
    return response.redirect().back()
  }

  async destroy({ params, response, session, workspace, locale }: HttpContext) {
    const endpoint = await this.#find(workspace, params.id)
    await DeleteWebhookEndpoint.handle({ endpoint })
    session.flash('success', t(locale, 'webhooks.deleted'))
    return response.redirect().back()
  }

  async rotateSecret({ params, response, session, workspace, locale }: HttpContext) {
    const endpoint = await this.#find(workspace, params.id)
    await RotateWebhookSecret.handle({ endpoint })
    this.#flashSecret(session, endpoint)
    session.flash('success', t(locale, 'webhooks.rotated'))
    return response.redirect().back()
  }

  /** "Enviar teste" from the page (a JSON call, not a visit): the same answer as the API. */
  async test({ params, workspace }: HttpContext) {
    const endpoint = await this.#find(workspace, params.id)
    return SendTestWebhook.handle({ workspace, endpoint })
  }

  #flashSecret(session: HttpContext['session'], endpoint: WebhookEndpoint) {
    session.flash(NEW_SECRET, newSecretOf(endpoint))
  }

  /** Another workspace's endpoint is a 404. */
  #find(workspace: HttpContext['workspace'], id: number | string) {
    return workspace.related('webhookEndpoints').query().where('id', Number(id)).firstOrFail()
  }
}

/** A query-string page; anything else is ignored rather than refused on a page view. */
function positiveInt(value: unknown) {
  const number = Number(value)
  return Number.isInteger(number) && number > 0 ? number : undefined
}
