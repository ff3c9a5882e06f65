import type { PaymentStatus } from '#enums/payments'

/**
 * SkalePay's statuses → ours (contract: docs/integrations/skalepay.md). Anything unknown
 * or in between (partially_paid, in_protest…) keeps the payment pending: only `paid` confirms.
 */
const SKALEPAY_STATUSES: Record<string, PaymentStatus> = {
  waiting_payment: 'pending',
  processing: 'pending',
  authorized: 'pending',
  paid: 'paid',
  refused: 'failed',
  canceled: 'cancelled',
  cancelled: 'cancelled',
  refunded: 'refunded',
  chargedback: 'chargedback',
}

export function mapSkalePayStatus(status: unknown): PaymentStatus {
  return (typeof status === 'string' && SKALEPAY_STATUSES[status.toLowerCase()]) || 'pending'
}

/** Whether the status is one docs/integrations/skalepay.md lists (unknown ones are logged by the caller). */
export function isKnownSkalePayStatus(status: unknown) {
  return (
    typeof status === 'string' &&
    (status.toLowerCase() in SKALEPAY_STATUSES ||
      ['partially_paid', 'in_protest'].includes(status.toLowerCase()))
  )
}
