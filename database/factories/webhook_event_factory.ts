import factory from '@adonisjs/lucid/factories'
import WebhookEvent from '#models/webhook_event'

export const WebhookEventFactory = factory
  .define(WebhookEvent, ({ faker }) => {
    const externalId = faker.string.numeric(8)
    return {
      gateway: 'skalepay' as const,
      eventKey: `${externalId}:paid`,
      externalId,
      rawBody: JSON.stringify({ id: externalId, status: 'paid' }),
      headers: {},
      attempts: 0,
    }
  })
  .build()
