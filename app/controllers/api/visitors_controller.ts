import type { HttpContext } from '@adonisjs/core/http'
import { DateTime } from 'luxon'
import { listVisitorEventsValidator, listVisitorsValidator } from '#validators/visitor'
import VisitorTransformer from '#transformers/visitor_transformer'
import { paginated } from '#services/pagination'

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/** The seed's monitoring endpoints: `GET /api/visitors` and `GET /api/visitors/:id/events`. */
export default class VisitorsController {
  async index({ request, workspace }: HttpContext) {
    const filters = await request.validateUsing(listVisitorsValidator, { data: request.qs() })
    const query = workspace.related('visitors').query()
    const status = filters.status ?? 'online'
    if (status !== 'all') query.where('is_online', status === 'online')
    if (filters.funnelId) query.where('funnel_id', filters.funnelId)
    if (filters.stepId) query.where('current_step_id', filters.stepId)
    if (filters.from) query.where('last_activity', '>=', DateTime.fromJSDate(filters.from).toSQL()!)
    if (filters.to) query.where('first_visit', '<=', DateTime.fromJSDate(filters.to).toSQL()!)
    const page = await query
      .orderBy('last_activity', 'desc')
      .orderBy('id', 'desc')
      .paginate(filters.page ?? 1, filters.perPage ?? 25)
    return paginated(page, (visitor) => VisitorTransformer.transform(visitor))
  }

  /** A visitor by its public id (or numeric id, as in the seed), then its events, newest first. */
  async events({ request, params, workspace }: HttpContext) {
    const { page, perPage } = await request.validateUsing(listVisitorEventsValidator, {
      data: request.qs(),
    })
    const key = String(params.id)
    const visitor = await workspace
      .related('visitors')
      .query()
      .if(UUID.test(key), (q) => q.where('public_id', key))
      .if(!UUID.test(key), (q) => q.where('id', /^\d+$/.test(key) ? Number(key) : 0))
      .firstOrFail()
    const events = await visitor
      .related('events')
      .query()
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .paginate(page ?? 1, perPage ?? 50)
    return {
      visitor: VisitorTransformer.transform(visitor),
      ...paginated(events, (event) => VisitorTransformer.event(event)),
    }
  }
}
