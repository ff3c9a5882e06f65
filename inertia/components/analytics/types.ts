import type GetDashboard from '#actions/analytics/get_dashboard'

/** The dashboard's figures as GetDashboard computes them (the page and the JSON API). */
export type DashboardData = Awaited<ReturnType<typeof GetDashboard.handle>>

export type BreakdownRow = DashboardData['bySource'][number]
