import type { HttpContext } from '@adonisjs/core/http'
import ListDeliveries from '#actions/postbacks/list_deliveries'
import DeliveryChart from '#actions/postbacks/delivery_chart'
import FindDelivery from '#actions/postbacks/find_delivery'
import RedeliverPostback from '#actions/postbacks/redeliver_postback'
import DeliveryTransformer from '#transformers/delivery_transformer'
import { pageOf } from '#services/pagination'
import { deliveryFiltersValidator } from '#validators/delivery'
import { serialize } from '#services/serialize'

/** `/api/postbacks/deliveries`: the log of every postback attempt, its detail and "reenviar". */
export default class DeliveriesController {
  /** Filtered and paginated, newest first, with `totals` per status over the same filters. */
  async index({ request, workspace }: HttpContext) {
    const filters = await request.validateUsing(deliveryFiltersValidator, { data: request.qs() })
    const { deliveries, totals } = await ListDeliveries.handle({ workspace, filters })
    return { ...(await pageOf(deliveries, (rows) => DeliveryTransformer.transform(rows))), totals }
  }

  /**
   * Deliveries per local day and per destination, counted per status, over the list's filters
   * (`status` and pagination are ignored); the last 14 days when no period is given.
   */
  async stats({ request, workspace }: HttpContext) {
    const filters = await request.validateUsing(deliveryFiltersValidator, { data: request.qs() })
    return DeliveryChart.handle({ workspace, filters })
  }

  /** One delivery with the full request body and the excerpt of the last answer. */
  async show({ params, workspace }: HttpContext) {
    const delivery = await FindDelivery.handle({ workspace, id: params.id })
    return serialize({ delivery: DeliveryTransformer.transform(delivery).useVariant('detail') })
  }

  /** Back to pending with a new job (202); a delivery that succeeded is a 409. */
  async redeliver({ params, response, workspace }: HttpContext) {
    const found = await FindDelivery.handle({ workspace, id: params.id })
    await RedeliverPostback.handle({ workspace, deliveryId: Number(found.id) })
    const delivery = await FindDelivery.handle({ workspace, id: params.id })
    return response.accepted(
      await serialize({ delivery: DeliveryTransformer.transform(delivery).useVariant('detail') })
    )
  }
}
