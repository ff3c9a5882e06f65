import vine from '@vinejs/vine'
import { DELIVERY_STATUSES, POSTBACK_TARGETS } from '#enums/payments'

/** Largest value of an `integer` column: a bigger id is a validation error, not a SQL one. */
const MAX_ID = 2_147_483_647

/**
 * Filters of the deliveries list (API `GET /api/postbacks/deliveries` and the "Entregas" page):
 * status, destination, event, payment, webhook endpoint, a period of local days (YYYY-MM-DD in
 * the workspace's time zone) and pagination.
 */
export const deliveryFiltersValidator = vine.create({
  status: vine.enum(DELIVERY_STATUSES).optional(),
  target: vine.enum(POSTBACK_TARGETS).optional(),
  event: vine.string().trim().minLength(1).maxLength(100).optional(),
  paymentId: vine.number().withoutDecimals().positive().max(MAX_ID).optional(),
  webhookEndpointId: vine.number().withoutDecimals().positive().max(MAX_ID).optional(),
  from: vine.date({ formats: ['YYYY-MM-DD'] }).optional(),
  to: vine
    .date({ formats: ['YYYY-MM-DD'] })
    .afterOrSameAs('from')
    .optional(),
  page: vine.number().withoutDecimals().min(1).max(MAX_ID).optional(),
  perPage: vine.number().withoutDecimals().min(1).max(100).optional(),
})
