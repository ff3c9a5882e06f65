import type { HttpContext } from '@adonisjs/core/http'
import Workspace from '#models/workspace'
import ReceiveWebhook from '#actions/payments/receive_webhook'
import { DomainError } from '#exceptions/domain_error'

/**
 * `POST /api/payments/webhook?token=…` and `POST /api/payments/webhook/:token`: the gateway's
 * postbacks. The per-workspace token is checked before anything is stored (unknown → 404);
 * the delivery is stored raw in the inbox and the answer is an immediate 200. A worker does
 * the rest.
 */
export default class PaymentWebhooksController {
  async store({ request, response, params }: HttpContext) {
    const token = String(
      params.token ?? request.qs().token ?? request.header('x-webhook-token') ?? ''
    )
    const workspace = /^[A-Za-z0-9_-]{16,128}$/.test(token)
      ? await Workspace.query().where('webhook_token', token).whereNull('archived_at').first()
      : null
    if (!workspace) throw new DomainError(404, 'not_found', 'errors.not_found')

    const raw = request.raw() ?? JSON.stringify(request.body() ?? {})
    const received = await ReceiveWebhook.handle({
      workspaceId: workspace.id,
      rawBody: raw,
      headers: request.headers(),
    })
    return response.ok({ received: true, duplicate: !received.stored })
  }
}
