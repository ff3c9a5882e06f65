import { asJson } from '#types/json'
import type Visitor from '#models/visitor'
import type VisitorEvent from '#models/visitor_event'

/** What the admin and the API see of a visitor: its public id, never the session cookie. */
export default class VisitorTransformer {
  static transform(visitor: Visitor) {
    return {
      id: visitor.publicId,
      funnelId: visitor.funnelId,
      currentStepId: visitor.currentStepId,
      isOnline: visitor.isOnline,
      firstVisit: visitor.firstVisit.toISO(),
      lastActivity: visitor.lastActivity.toISO(),
      userAgent: visitor.userAgent,
      ipAddress: visitor.ipAddress,
      attribution: {
        utmSource: visitor.utmSource,
        utmMedium: visitor.utmMedium,
        utmCampaign: visitor.utmCampaign,
        utmTerm: visitor.utmTerm,
        utmContent: visitor.utmContent,
        src: visitor.src,
        sck: visitor.sck,
        fbclid: visitor.fbclid,
        ttclid: visitor.ttclid,
        gclid: visitor.gclid,
      },
      landingUrl: visitor.landingUrl,
      referrer: visitor.referrer,
      lead: visitor.lead,
    }
  }

  static event(event: VisitorEvent) {
    return {
      id: event.eventId,
      type: event.eventType,
      funnelId: event.funnelId,
      stepId: event.stepId,
      data: asJson(event.eventData),
      createdAt: event.createdAt.toISO(),
    }
  }
}
