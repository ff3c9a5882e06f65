import { BaseTransformer } from '@adonisjs/core/transformers'
import { asJson } from '#types/json'
import type VisitorEvent from '#models/visitor_event'

/**
 * One event of a visitor's timeline (its public event id); `withStepName` names its step from
 * the workspace's step names (given `transform(events, stepNames)`).
 */
export default class VisitorEventTransformer extends BaseTransformer<VisitorEvent> {
  constructor(
    event: VisitorEvent,
    protected stepNames?: Map<number, string>
  ) {
    super(event)
  }

  toObject() {
    const event = this.resource
    return {
      id: event.eventId,
      type: event.eventType,
      funnelId: event.funnelId,
      stepId: event.stepId,
      data: asJson(event.eventData),
      createdAt: event.createdAt.toISO(),
    }
  }

  withStepName() {
    const stepId = this.resource.stepId
    return {
      ...this.toObject(),
      stepName: stepId ? (this.stepNames?.get(stepId) ?? null) : null,
    }
  }
}
