import factory from '@adonisjs/lucid/factories'
import Funnel from '#models/funnel'
import { FunnelStepFactory } from '#database/factories/funnel_step_factory'

/** Tenant factories take the workspace by merge: `FunnelFactory.merge({ workspaceId }).create()`. */
export const FunnelFactory = factory
  .define(Funnel, ({ faker }) => ({
    name: faker.commerce.productName(),
    slug: `funil-${faker.string.alphanumeric({ length: 8, casing: 'lower' })}`,
    description: faker.lorem.sentence(),
    niche: 'infoprodutos',
    isActive: true,
    settings: {},
  }))
  .relation('steps', () => FunnelStepFactory)
  .build()
