import type { HttpContext } from '@adonisjs/core/http'
import { listVisitorEventsValidator, listVisitorsValidator } from '#validators/visitor'
import ListVisitors from '#actions/visitors/list_visitors'
import ListVisitorEvents from '#actions/visitors/list_visitor_events'
import VisitorTransformer from '#transformers/visitor_transformer'
import VisitorEventTransformer from '#transformers/visitor_event_transformer'
import { pageOf } from '#services/pagination'
import { serialize } from '#services/serialize'

/** The seed's monitoring endpoints: `GET /api/visitors` and `GET /api/visitors/:id/events`. */
export default class VisitorsController {
  async index({ request, workspace }: HttpContext) {
    const filters = await request.validateUsing(listVisitorsValidator, { data: request.qs() })
    const page = await ListVisitors.handle({ workspace, filters })
    return pageOf(page, (visitors) => VisitorTransformer.transform(visitors))
  }

  /** A visitor by its public id (or numeric id, as in the seed), then its events, newest first. */
  async events({ request, params, workspace }: HttpContext) {
    const { page, perPage } = await request.validateUsing(listVisitorEventsValidator, {
      data: request.qs(),
    })
    const { visitor, events } = await ListVisitorEvents.handle({
      workspace,
      key: String(params.id),
      page,
      perPage,
    })
    return {
      ...(await serialize({ visitor: VisitorTransformer.transform(visitor) })),
      ...(await pageOf(events, (rows) => VisitorEventTransformer.transform(rows))),
    }
  }
}
