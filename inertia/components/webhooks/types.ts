import type { Data } from '@generated/data'
import type SendTestWebhook from '#actions/webhook_endpoints/send_test_webhook'

export type { PageMeta } from '#services/pagination'

/** What the webhooks page receives: WebhookEndpointTransformer's generated type. */
export type WebhookRow = Data.WebhookEndpoint
export type WebhookEvent = WebhookRow['events'][number]

/** A secret just generated (create, rotate), flashed for one page view. */
export type NewSecret = {
  endpointId: number
  secret: string
}

/** The answer of "Enviar teste". */
export type TestWebhookResult = Awaited<ReturnType<typeof SendTestWebhook.handle>>
