import factory from '@adonisjs/lucid/factories'
import TrackingPixel from '#models/tracking_pixel'

export const TrackingPixelFactory = factory
  .define(TrackingPixel, ({ faker }) => ({
    pixelType: 'facebook' as const,
    pixelId: faker.string.numeric(15),
    eventName: null,
    settings: {},
    isActive: true,
  }))
  .build()
