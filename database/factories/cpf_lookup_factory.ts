import { createHmac } from 'node:crypto'
import env from '#start/env'
import factory from '@adonisjs/lucid/factories'
import CpfLookup from '#models/cpf_lookup'

/** An audited lookup of a valid CPF (from docs/integrations/dataget.md), masked as the app stores it. */
export const CpfLookupFactory = factory
  .define(CpfLookup, ({ faker }) => ({
    cpfMasked: '529.***.***-25',
    /** Keyed like the app's (HMAC with APP_KEY), so the hash alone never reveals the CPF. */
    cpfHash: createHmac('sha256', env.get('APP_KEY').release()).update('52998224725').digest('hex'),
    outcome: 'found' as const,
    sessionId: faker.string.alphanumeric(24),
    ipAddress: faker.internet.ipv4(),
    durationMs: faker.number.int({ min: 40, max: 900 }),
  }))
  .build()
