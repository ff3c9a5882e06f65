import vine from '@vinejs/vine'

/**
 * `GET /api/visitors`: online visitors by default; `status=all|online|offline`, a funnel, a
 * step, a period (`from`/`to`, ISO dates) and pagination.
 */
export const listVisitorsValidator = vine.create({
  status: vine.enum(['online', 'offline', 'all'] as const).optional(),
  funnelId: vine.number().withoutDecimals().positive().optional(),
  stepId: vine.number().withoutDecimals().positive().optional(),
  from: vine.date({ formats: ['iso8601'] }).optional(),
  to: vine
    .date({ formats: ['iso8601'] })
    .afterOrSameAs('from')
    .optional(),
  page: vine.number().withoutDecimals().min(1).optional(),
  perPage: vine.number().withoutDecimals().min(1).max(100).optional(),
})

export const listVisitorEventsValidator = vine.create({
  page: vine.number().withoutDecimals().min(1).optional(),
  perPage: vine.number().withoutDecimals().min(1).max(200).optional(),
})
