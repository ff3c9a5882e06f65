import factory from '@adonisjs/lucid/factories'
import WebhookEndpoint from '#models/webhook_endpoint'

export const WebhookEndpointFactory = factory
  .define(WebhookEndpoint, ({ faker }) => ({
    name: 'ERP da agência',
    url: `https://hooks.example.com/${faker.string.alphanumeric(10)}`,
    secret: faker.string.alphanumeric(32),
    events: ['payment.paid'],
    isActive: true,
  }))
  .build()
