import vine from '@vinejs/vine'

/** `GET /api/analytics/dashboard?from&to&funnelId`: local days (YYYY-MM-DD), at most a year. */
export const dashboardValidator = vine.create({
  from: vine.date({ formats: ['YYYY-MM-DD'] }),
  to: vine.date({ formats: ['YYYY-MM-DD'] }).afterOrSameAs('from'),
  funnelId: vine.number().withoutDecimals().positive().optional(),
})
