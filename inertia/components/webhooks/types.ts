/** What the webhooks page receives (see app/transformers/webhook_endpoint_transformer.ts). */
export type WebhookEvent =
  | 'payment.created'
  | 'payment.paid'
  | 'payment.refunded'
  | 'lead.created'
  | 'gateway.unhealthy'
  | 'checkout.abandoned'
  | 'payment.recovered'

export type WebhookRow = {
  id: number
  name: string
  url: string
  events: WebhookEvent[]
  isActive: boolean
  /** Masked (`whsec_…a1b2`): the full secret reaches the page only right after it is generated. */
  secretHint: string | null
  deliveries: { succeeded: number; failed: number; dead: number }
  createdAt: string | null
  updatedAt: string | null
}

/** A secret just generated (create, rotate), flashed for one page view. */
export type NewSecret = {
  endpointId: number
  secret: string
}

/** The answer of "Enviar teste". */
export type TestWebhookResult = {
  ok: boolean
  httpStatus: number | null
  excerpt: string | null
  durationMs: number
}

export type PageMeta = {
  total: number
  perPage: number
  currentPage: number
  lastPage: number
}
