import type { Data } from '@generated/data'
import type { JsonObject } from '#types/json'
import type ListPayments from '#actions/payments/list_payments'

export type { PageMeta } from '#services/pagination'

/** PaymentTransformer's generated types: a list row, and the detail with the PIX code. */
export type PaymentRow = Data.Payment
export type PaymentStatus = PaymentRow['status']
export type PaymentItem = PaymentRow['items'][number]
/** The admin detail adds the gateway's answer (CPF scrubbed for editors and viewers). */
export type PaymentDetail = Data.Payment.Variants['detail'] & { gatewayResponse: JsonObject }

export type TransitionRow = Data.PaymentTransition
export type WebhookEventRow = Data.WebhookEvent

export type Totals = Awaited<ReturnType<typeof ListPayments.handle>>['totals']
