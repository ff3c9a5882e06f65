import factory from '@adonisjs/lucid/factories'
import PaymentTransition from '#models/payment_transition'

export const PaymentTransitionFactory = factory
  .define(PaymentTransition, () => ({
    fromStatus: null,
    toStatus: 'pending' as const,
    source: 'checkout' as const,
    details: {},
  }))
  .build()
