import factory from '@adonisjs/lucid/factories'
import CheckoutConfig from '#models/checkout_config'

/** Needs `workspaceId`, `funnelId` and `stepId` merged in: they must belong together. */
export const CheckoutConfigFactory = factory
  .define(CheckoutConfig, ({ faker }) => ({
    productName: faker.commerce.productName(),
    productPriceCents: faker.number.int({ min: 990, max: 99700 }),
    currency: 'BRL',
    paymentMethods: ['pix'],
    fieldsConfig: { name: true, email: true, phone: false, cpf: true },
    designConfig: {},
    upsellConfig: {},
    orderBumps: [],
  }))
  .build()
