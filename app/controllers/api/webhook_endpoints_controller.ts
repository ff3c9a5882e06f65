import type { HttpContext } from '@adonisjs/core/http'
import { pageOf, paginationValidator } from '#services/pagination'
import { webhookEndpointValidator } from '#validators/webhook_endpoint'
import WebhookEndpointTransformer from '#transformers/webhook_endpoint_transformer'
import ListWebhookEndpoints, {
  webhookEndpointsWithCounts,
} from '#actions/webhook_endpoints/list_webhook_endpoints'
import CreateWebhookEndpoint from '#actions/webhook_endpoints/create_webhook_endpoint'
import UpdateWebhookEndpoint from '#actions/webhook_endpoints/update_webhook_endpoint'
import DeleteWebhookEndpoint from '#actions/webhook_endpoints/delete_webhook_endpoint'
import RotateWebhookSecret from '#actions/webhook_endpoints/rotate_webhook_secret'
import SendTestWebhook from '#actions/webhook_endpoints/send_test_webhook'
import { serialize } from '#services/serialize'

/**
 * `/api/webhooks`: the agency's own endpoints that receive signed events. The signing secret is
 * in the answers of create and rotate-secret only; every other answer carries its mask.
 */
export default class WebhookEndpointsController {
  /** Paginated, each endpoint with its delivery counts (same query). */
  async index({ request, workspace }: HttpContext) {
    const { page, perPage } = await request.validateUsing(paginationValidator)
    const endpoints = await ListWebhookEndpoints.handle({ workspace, page, perPage })
    return pageOf(endpoints, (rows) => WebhookEndpointTransformer.transform(rows))
  }

  async show({ params, workspace }: HttpContext) {
    const endpoint = await this.#find(workspace, params.id)
    return serialize({ webhook: WebhookEndpointTransformer.transform(endpoint) })
  }

  /** The answer holds the new secret in full, this once. */
  async store({ request, response, workspace }: HttpContext) {
    const data = await request.validateUsing(webhookEndpointValidator)
    const endpoint = await CreateWebhookEndpoint.handle({ workspace, data })
    return response.created(
      await serialize({
        webhook: WebhookEndpointTransformer.transform(endpoint).useVariant('withSecret'),
      })
    )
  }

  /** Only what changes needs to be sent: the request is merged over the stored endpoint. */
  async update({ params, request, workspace }: HttpContext) {
    const endpoint = await this.#find(workspace, params.id)
    const data = await request.validateUsing(webhookEndpointValidator, {
      data: WebhookEndpointTransformer.withChanges(endpoint, request.body()),
    })
    await UpdateWebhookEndpoint.handle({ endpoint, data })
    return serialize({ webhook: WebhookEndpointTransformer.transform(endpoint) })
  }

  async destroy({ params, response, workspace }: HttpContext) {
    const endpoint = await this.#find(workspace, params.id)
    await DeleteWebhookEndpoint.handle({ endpoint })
    return response.noContent()
  }

  /** The old secret stops working now; the answer holds the new one in full, this once. */
  async rotateSecret({ params, workspace }: HttpContext) {
    const endpoint = await this.#find(workspace, params.id)
    await RotateWebhookSecret.handle({ endpoint })
    return serialize({
      webhook: WebhookEndpointTransformer.transform(endpoint).useVariant('withSecret'),
    })
  }

  /** "Enviar teste": always 200; `{ ok, httpStatus, excerpt, durationMs }` says how it went. */
  async test({ params, workspace }: HttpContext) {
    const endpoint = await this.#find(workspace, params.id)
    return SendTestWebhook.handle({ workspace, endpoint })
  }

  /** Another workspace's endpoint is a 404. */
  #find(workspace: HttpContext['workspace'], id: number | string) {
    return webhookEndpointsWithCounts(workspace)
      .where('webhook_endpoints.id', Number(id))
      .firstOrFail()
  }
}
