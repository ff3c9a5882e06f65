import RollupAnalytics from '#actions/analytics/rollup_analytics'

/** Repeatable job (every 5 min): rebuilds the dashboard's rollups of the last closed days. */
export default async function rollupAnalyticsJob() {
  return RollupAnalytics.handle()
}
