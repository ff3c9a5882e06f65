import type { HttpContext } from '@adonisjs/core/http'
import { DateTime } from 'luxon'
import GetDashboard from '#actions/analytics/get_dashboard'
import { DEFAULT_PERIOD_DAYS, dashboardValidator } from '#validators/analytics'

/** `GET /api/analytics/dashboard`: KPIs, series, step conversion, sources and payments. */
export default class AnalyticsController {
  /** A missing end is today, a missing start 30 days before the end, in the workspace's zone. */
  async dashboard({ request, workspace }: HttpContext) {
    const { from, to, funnelId } = await request.validateUsing(dashboardValidator, {
      data: request.qs(),
    })
    if (funnelId) await workspace.related('funnels').query().where('id', funnelId).firstOrFail()
    const zone = workspace.timezone || 'America/Sao_Paulo'
    const day = (value: Date) => DateTime.fromJSDate(value).toFormat('yyyy-MM-dd')
    const end = to ? day(to) : DateTime.now().setZone(zone).toFormat('yyyy-MM-dd')
    const start = from
      ? day(from)
      : DateTime.fromISO(end, { zone })
          .minus({ days: DEFAULT_PERIOD_DAYS - 1 })
          .toFormat('yyyy-MM-dd')
    return GetDashboard.handle({ workspace, from: start, to: end, funnelId })
  }
}
