import vine from '@vinejs/vine'

/**
 * `GET /api/analytics/dashboard?from&to&funnelId`: local days (YYYY-MM-DD), at most a year.
 * Without `from`/`to` the period is the last 30 days in the workspace's zone (the controller).
 */
export const dashboardValidator = vine.create({
  from: vine.date({ formats: ['YYYY-MM-DD'] }).optional(),
  to: vine
    .date({ formats: ['YYYY-MM-DD'] })
    .afterOrSameAs('from')
    .optional(),
  funnelId: vine.number().withoutDecimals().positive().optional(),
})

/** Days in the default dashboard period (today included). */
export const DEFAULT_PERIOD_DAYS = 30
