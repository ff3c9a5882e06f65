import type { HttpContext } from '@adonisjs/core/http'
import vine from '@vinejs/vine'
import { DateTime } from 'luxon'
import GetDashboard from '#actions/analytics/get_dashboard'
import { recoveredRevenue } from '#actions/checkout_sessions/list_checkout_sessions'
import RunningSplitTests from '#actions/split_tests/running_split_tests'

const PERIODS = ['today', '7d', '30d', 'custom'] as const

const dashboardFiltersValidator = vine.create({
  period: vine.enum(PERIODS).optional(),
  from: vine.date({ formats: ['YYYY-MM-DD'] }).optional(),
  to: vine
    .date({ formats: ['YYYY-MM-DD'] })
    .afterOrSameAs('from')
    .optional(),
  funnelId: vine.number().withoutDecimals().positive().optional(),
})

/** `/w/:workspaceSlug/dashboard`: the analytics dashboard (the same action as the JSON API). */
export default class DashboardController {
  async show({ inertia, request, workspace }: HttpContext) {
    const [, filters] = await dashboardFiltersValidator.tryValidate(request.qs())
    const zone = workspace.timezone || 'America/Sao_Paulo'
    const today = DateTime.now().setZone(zone)
    const funnels = await workspace.related('funnels').query().select('id', 'name').orderBy('name')
    const funnelId = funnels.some((f) => f.id === filters?.funnelId) ? filters!.funnelId : undefined
    let period = filters?.period ?? '7d'
    let from = today.minus({ days: period === '30d' ? 29 : period === 'today' ? 0 : 6 })
    let to = today
    if (period === 'custom' && filters?.from && filters.to) {
      from = DateTime.fromJSDate(filters.from).setZone('UTC')
      to = DateTime.fromJSDate(filters.to).setZone('UTC')
    } else if (period === 'custom') {
      period = '7d'
    }
    const day = (value: DateTime) => value.toFormat('yyyy-MM-dd')
    const data = await GetDashboard.handle({
      workspace,
      from: day(from),
      to: day(to),
      funnelId: funnelId ?? funnels[0]?.id,
    })
    /** Revenue of abandoned checkouts paid later ("Recuperação"), over the same days. */
    const recovered = await recoveredRevenue(
      workspace,
      DateTime.fromISO(day(from), { zone }).startOf('day').toJSDate(),
      DateTime.fromISO(day(to), { zone }).plus({ days: 1 }).startOf('day').toJSDate()
    )
    return inertia.render('dashboard', {
      data,
      recovered,
      /** The chosen funnel's running A/B tests with their variants' results (issue 16). */
      splitTests: await RunningSplitTests.handle({
        workspace,
        funnelId: funnelId ?? funnels[0]?.id,
      }),
      funnels: funnels.map((f) => ({ id: f.id, name: f.name })),
      filters: {
        period,
        from: day(from),
        to: day(to),
        funnelId: funnelId ?? funnels[0]?.id ?? null,
      },
    })
  }
}
