import factory from '@adonisjs/lucid/factories'
import { DateTime } from 'luxon'
import Visitor from '#models/visitor'

export const VisitorFactory = factory
  .define(Visitor, ({ faker }) => ({
    sessionId: faker.string.uuid(),
    ipAddress: faker.internet.ipv4(),
    userAgent: faker.internet.userAgent(),
    utmSource: 'facebook',
    utmMedium: 'cpc',
    utmCampaign: 'black-friday',
    lead: {},
    firstVisit: DateTime.now(),
    lastActivity: DateTime.now(),
    isOnline: true,
  }))
  .state('stale', (visitor) => {
    visitor.lastActivity = DateTime.now().minus({ minutes: 5 })
  })
  .build()
