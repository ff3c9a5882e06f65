import factory from '@adonisjs/lucid/factories'
import FunnelStep from '#models/funnel_step'

export const FunnelStepFactory = factory
  .define(FunnelStep, ({ faker }) => ({
    name: faker.lorem.words(2),
    slug: `etapa-${faker.string.alphanumeric({ length: 8, casing: 'lower' })}`,
    stepType: 'capture' as const,
    orderIndex: 0,
    isActive: true,
    settings: {},
    content: { headline: faker.lorem.sentence(), fields: ['name', 'email'] },
    version: 1,
  }))
  .state('checkout', (step) => (step.stepType = 'checkout'))
  .state('thankyou', (step) => (step.stepType = 'thankyou'))
  .build()
