import type { JsonObject } from '~/types'
export type PaymentStatus =
  'pending' | 'paid' | 'failed' | 'cancelled' | 'expired' | 'refunded' | 'chargedback'

export type PaymentItem = {
  kind: 'product' | 'bump' | 'upsell'
  name: string
  priceCents: number
  quantity: number
}

export type PaymentRow = {
  id: number
  publicToken: string
  status: PaymentStatus
  amountCents: number
  amount: string
  gateway: 'sandbox' | 'skalepay'
  externalId: string | null
  funnelId: number | null
  funnelName: string | null
  parentPaymentId: number | null
  customer: { name: string | null; email: string | null }
  items: PaymentItem[]
  paidAt: string | null
  expiresAt: string | null
  createdAt: string | null
  /** A failed payment: the gateway's fault ("Falha no gateway") or a refusal; else null. */
  failure: 'gateway' | 'refused' | null
  /** Paid at the gateway after our PIX had expired: honoured, flagged "pago após expirar". */
  paidAfterExpiry: boolean
}

export type PaymentDetail = PaymentRow & {
  customer: { name: string | null; email: string | null; phone: string | null; cpf: string | null }
  eventId: string
  pix: { code: string | null; qrSvg: string | null; expiresAt: string | null }
  gatewayResponse: JsonObject
}

export type TransitionRow = {
  id: number
  fromStatus: PaymentStatus | null
  toStatus: PaymentStatus
  source: string
  webhookEventId: number | null
  details: JsonObject
  failure: 'gateway' | 'refused' | null
  createdAt: string | null
}

export type WebhookEventRow = {
  id: number
  gateway: string
  eventKey: string
  externalId: string | null
  attempts: number
  error: string | null
  rawBody: string
  receivedAt: string | null
  processedAt: string | null
}

export type PageMeta = {
  total: number
  perPage: number
  currentPage: number
  lastPage: number
}

export type Totals = Record<
  'paid' | 'pending' | 'failed' | 'refunded',
  { count: number; cents: number }
>
