import vine from '@vinejs/vine'

/**
 * The period of the reconciliation report (`GET /api/reconciliation` and the "Conciliação"
 * page): local days (YYYY-MM-DD in the workspace's time zone), the last 14 by default.
 */
export const reconciliationFiltersValidator = vine.create({
  from: vine.date({ formats: ['YYYY-MM-DD'] }).optional(),
  to: vine
    .date({ formats: ['YYYY-MM-DD'] })
    .afterOrSameAs('from')
    .optional(),
})
