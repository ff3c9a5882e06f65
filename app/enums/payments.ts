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
 * The only transitions a payment may take; nothing goes backwards. A status that is not a key
 * here is final.
 */
export const PAYMENT_TRANSITIONS: Record<PaymentStatus, readonly PaymentStatus[]> = {
  pending: ['paid', 'failed', 'cancelled', 'expired'],
  paid: ['refunded', 'chargedback'],
  failed: [],
  cancelled: [],
  expired: [],
  refunded: [],
  chargedback: [],
}

export function canTransition(from: PaymentStatus, to: PaymentStatus) {
  return PAYMENT_TRANSITIONS[from].includes(to)
}

export const PAYMENT_GATEWAYS = ['skalepay', 'sandbox'] as const
export type PaymentGateway = (typeof PAYMENT_GATEWAYS)[number]

export const TRANSITION_SOURCES = ['webhook', 'poll', 'admin', 'api', 'expiry', 'checkout'] as const
export type TransitionSource = (typeof TRANSITION_SOURCES)[number]

export const POSTBACK_TARGETS = ['utmify', 'meta', 'tiktok', 'ga4', 'custom'] as const
export type PostbackTarget = (typeof POSTBACK_TARGETS)[number]

export const DELIVERY_STATUSES = ['pending', 'succeeded', 'failed', 'dead'] as const
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number]
