export const PAYMENT_STATUSES = [
  'pending',
  'paid',
  'failed',
  'cancelled',
  'expired',
  'refunded',
  'chargedback',
] as const
export type PaymentStatus = (typeof PAYMENT_STATUSES)[number]

/**
 * The only transitions a payment may take; nothing goes backwards. A status with no target
 * here is final. `expired → paid`: the gateway may still take a PIX after our countdown ended
 * (its own expiry is coarser); money received is honoured and the payment flagged
 * `paid_after_expiry`.
 */
export const PAYMENT_TRANSITIONS: Record<PaymentStatus, readonly PaymentStatus[]> = {
  pending: ['paid', 'failed', 'cancelled', 'expired'],
  paid: ['refunded', 'chargedback'],
  failed: [],
  cancelled: [],
  expired: ['paid'],
  refunded: [],
  chargedback: [],
}

export function canTransition(from: PaymentStatus, to: PaymentStatus) {
  return PAYMENT_TRANSITIONS[from].includes(to)
}

/**
 * The statuses a payment goes through to reach `to`: `[to]` when allowed directly; through
 * `paid` when the gateway reports a refund or chargeback of a charge we never saw paid (it was
 * paid first, and that fact has its own postbacks); `[]` when not reachable.
 */
export function transitionPath(from: PaymentStatus, to: PaymentStatus): PaymentStatus[] {
  if (from === to) return []
  if (canTransition(from, to)) return [to]
  if (canTransition(from, 'paid') && canTransition('paid', to)) return ['paid', to]
  return []
}

export const PAYMENT_GATEWAYS = ['skalepay', 'sandbox'] as const
export type PaymentGateway = (typeof PAYMENT_GATEWAYS)[number]

export const TRANSITION_SOURCES = [
  'webhook',
  'poll',
  'admin',
  'api',
  'expiry',
  'checkout',
  'reconciliation',
] as const
export type TransitionSource = (typeof TRANSITION_SOURCES)[number]

export const POSTBACK_TARGETS = ['utmify', 'meta', 'tiktok', 'ga4', 'custom'] as const
export type PostbackTarget = (typeof POSTBACK_TARGETS)[number]

export const DELIVERY_STATUSES = ['pending', 'succeeded', 'failed', 'dead'] as const
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number]
