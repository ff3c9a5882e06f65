import factory from '@adonisjs/lucid/factories'
import { randomBytes } from 'node:crypto'
import { DateTime } from 'luxon'
import Payment from '#models/payment'

export const PaymentFactory = factory
  .define(Payment, ({ faker }) => {
    const amountCents = faker.number.int({ min: 990, max: 49700 })
    return {
      /** The shape the app mints (create_pix_payment): the PIX page only answers to it. */
      publicToken: randomBytes(16).toString('hex'),
      gateway: 'sandbox' as const,
      amountCents,
      currency: 'BRL',
      status: 'pending' as const,
      paymentMethod: 'pix',
      items: [{ kind: 'product' as const, name: 'Produto', priceCents: amountCents, quantity: 1 }],
      customerData: { name: faker.person.fullName(), email: faker.internet.email() },
      gatewayResponse: {},
      expiresAt: DateTime.now().plus({ minutes: 30 }),
    }
  })
  .state('paid', (payment) => {
    payment.status = 'paid'
    payment.paidAt = DateTime.now()
  })
  .build()
