import factory from '@adonisjs/lucid/factories'
import { randomUUID } from 'node:crypto'
import VisitorEvent from '#models/visitor_event'

export const VisitorEventFactory = factory
  .define(VisitorEvent, () => ({
    eventType: 'page_view' as const,
    eventId: randomUUID(),
    eventData: {},
  }))
  .build()
