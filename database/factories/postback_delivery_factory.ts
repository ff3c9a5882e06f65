import factory from '@adonisjs/lucid/factories'
import PostbackDelivery from '#models/postback_delivery'

export const PostbackDeliveryFactory = factory
  .define(PostbackDelivery, ({ faker }) => ({
    target: 'utmify' as const,
    event: 'paid',
    dedupeKey: `utmify:${faker.string.uuid()}`,
    status: 'pending' as const,
    request: {},
    attempts: 0,
  }))
  .build()
