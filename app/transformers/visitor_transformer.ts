import { BaseTransformer } from '@adonisjs/core/transformers'
import { DateTime } from 'luxon'
import type Visitor from '#models/visitor'
import type { Role } from '#enums/roles'
import type { FunnelWithSteps } from '#actions/visitors/visitor_rows'
import { deviceFromUserAgent } from '#services/user_agent'
import { presentPersonalData } from '#services/personal_data'

/**
 * What the admin's visitor rows need besides the visitor: the workspace's funnels (names), and
 * the viewer's role when the lead is shown formatted and masked for it (personal_data).
 */
export type VisitorRowContext = { funnels: FunnelWithSteps[]; presentLeadFor?: Role }

/**
 * What the admin and the API see of a visitor: its public id, never the session cookie. `row`
 * (given `transform(visitor, context)`) adds its funnel and step names, device and when its
 * current page began: the visitors pages and the live monitor.
 */
export default class VisitorTransformer extends BaseTransformer<Visitor> {
  constructor(
    visitor: Visitor,
    protected context?: VisitorRowContext
  ) {
    super(visitor)
  }

  toObject() {
    const visitor = this.resource
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

  row() {
    const visitor = this.resource
    const { funnels, presentLeadFor } = this.context!
    const funnel = funnels.find((f) => f.id === visitor.funnelId)
    const step = funnel?.steps.find((s) => s.id === visitor.currentStepId)
    const entered = visitor.$extras.step_entered_at as Date | string | null | undefined
    const object = this.toObject()
    return {
      ...object,
      lead: presentLeadFor ? presentPersonalData(object.lead ?? {}, presentLeadFor) : object.lead,
      funnelName: funnel?.name ?? null,
      stepName: step?.name ?? null,
      stepEnteredAt: entered ? DateTime.fromJSDate(new Date(entered)).toISO() : null,
      device: deviceFromUserAgent(visitor.userAgent),
    }
  }
}
