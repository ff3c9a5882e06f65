import vine from '@vinejs/vine'
import type { FieldContext } from '@vinejs/vine/types'
import { WEBHOOK_EVENTS } from '#integrations/webhooks/outbound'
import { checkIntegrationUrl } from '#services/outbound_http'

/**
 * The agency's receiving URL: http(s), no user-info, not a private/loopback/link-local/reserved
 * address nor an intranet name (unless ALLOW_PRIVATE_INTEGRATION_URLS, read at validation time).
 * The same check as a credential's base URL; the outbound agent checks resolved addresses again
 * on every delivery.
 */
const webhookUrl = vine.createRule((value, _, field: FieldContext) => {
  if (typeof value !== 'string') return
  const refusal = checkIntegrationUrl(value)
  if (refusal) field.report(`Refused URL (${refusal})`, `webhook_url_${refusal}`, field)
})

/**
 * `POST /api/webhooks` and `PUT /api/webhooks/:id` (an update validates the stored endpoint
 * merged with the request, see the controllers). The secret is never an input: the server
 * generates it and only rotation changes it.
 */
export const webhookEndpointValidator = vine.create({
  name: vine.string().trim().minLength(1).maxLength(255),
  url: vine.string().trim().maxLength(1000).use(webhookUrl()),
  events: vine.array(vine.enum(WEBHOOK_EVENTS)).minLength(1).distinct(),
  isActive: vine.boolean().optional(),
})
