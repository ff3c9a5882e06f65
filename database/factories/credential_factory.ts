import factory from '@adonisjs/lucid/factories'
import Credential from '#models/credential'

export const CredentialFactory = factory
  .define(Credential, ({ faker }) => ({
    name: 'SkalePay produção',
    service: 'skalepay' as const,
    apiKey: `sk_live_${faker.string.alphanumeric(24)}`,
    apiSecret: null,
    apiUrl: null,
    settings: {},
    isActive: true,
  }))
  .build()
