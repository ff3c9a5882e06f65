import type { HttpContext } from '@adonisjs/core/http'
import WorkspaceAccess from '#services/workspace_access'
import { DateTime } from 'luxon'
import ListDeliveries, { type DeliveryFilters } from '#actions/postbacks/list_deliveries'
import DeliveryChart from '#actions/postbacks/delivery_chart'
import FindDelivery from '#actions/postbacks/find_delivery'
import RedeliverPostback from '#actions/postbacks/redeliver_postback'
import type PostbackDelivery from '#models/postback_delivery'
import DeliveryTransformer from '#transformers/delivery_transformer'
import { DomainError } from '#exceptions/domain_error'
import { pageOf } from '#services/pagination'
import { queueStates } from '#services/queue_depth_check'
import { t } from '#services/i18n'
import { deliveryFiltersValidator } from '#validators/delivery'

/**
 * `/w/:workspaceSlug/deliveries` ("Entregas"): the postback log with counts per status, a chart
 * per day and destination, the workers' queues, filters and a detail sheet; "Reenviar" shares
 * the API's action. The detail (`/deliveries/:id`) renders the same page with the sheet open, so
 * the sheet has its own URL and opening it is a partial reload of `selected` alone (the other
 * props, the chart's too, are computed lazily).
 */
export default class DeliveriesController {
  async index(ctx: HttpContext) {
    return this.#render(ctx, null)
  }

  async show(ctx: HttpContext) {
    const delivery = await FindDelivery.handle({ workspace: ctx.workspace, id: ctx.params.id })
    return this.#render(ctx, delivery)
  }

  /** "Reenviar": back to pending with a new job; a delivery that succeeded says so instead. */
  async redeliver({ params, response, session, workspace, locale }: HttpContext) {
    const delivery = await FindDelivery.handle({ workspace, id: params.id })
    try {
      await RedeliverPostback.handle({ workspace, deliveryId: Number(delivery.id) })
      session.flash('success', t(locale, 'deliveries.redelivered'))
    } catch (error) {
      if (!(error instanceof DomainError)) throw error
      session.flash('error', t(locale, error.messageKey))
    }
    return response.redirect().back()
  }

  async #render({ inertia, request, workspace }: HttpContext, selected: PostbackDelivery | null) {
    const [, valid] = await deliveryFiltersValidator.tryValidate(request.qs())
    const filters: DeliveryFilters = valid ?? {}
    let listed: ReturnType<typeof ListDeliveries.handle> | undefined
    const list = () => (listed ??= ListDeliveries.handle({ workspace, filters }))
    const day = (value?: Date) => (value ? DateTime.fromJSDate(value).toFormat('yyyy-MM-dd') : null)

    return inertia.render('deliveries/index', {
      deliveries: async () => {
        const { deliveries } = await list()
        return pageOf(deliveries, (rows) => DeliveryTransformer.transform(rows))
      },
      totals: async () => {
        const { totals } = await list()
        return totals
      },
      /**
       * The workers' queues are the whole installation's (BullMQ queues are shared): shown to
       * the workspace's owners and admins, not to editors, viewers or the client's own logins.
       */
      queues: async () => (WorkspaceAccess.canManage(workspace) ? await queueStates() : null),
      chart: () => DeliveryChart.handle({ workspace, filters }),
      options: () => ListDeliveries.options(workspace),
      filters: {
        status: filters.status ?? null,
        target: filters.target ?? null,
        event: filters.event ?? null,
        paymentId: filters.paymentId ?? null,
        webhookEndpointId: filters.webhookEndpointId ?? null,
        from: day(filters.from),
        to: day(filters.to),
      },
      selected: selected ? DeliveryTransformer.transform(selected).useVariant('detail') : null,
    })
  }
}
