import type { HttpContext } from '@adonisjs/core/http'
import { DateTime } from 'luxon'
import GetDashboard from '#actions/analytics/get_dashboard'
import { dashboardValidator } from '#validators/analytics'

/** `GET /api/analytics/dashboard`: KPIs, series, step conversion, sources and payments. */
export default class AnalyticsController {
  async dashboard({ request, workspace }: HttpContext) {
    const { from, to, funnelId } = await request.validateUsing(dashboardValidator, {
      data: request.qs(),
    })
    if (funnelId) await workspace.related('funnels').query().where('id', funnelId).firstOrFail()
    const day = (value: Date) => DateTime.fromJSDate(value).toFormat('yyyy-MM-dd')
    return GetDashboard.handle({ workspace, from: day(from), to: day(to), funnelId })
  }
}
