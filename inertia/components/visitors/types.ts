import type { Data } from '@generated/data'
import type { FunnelWithSteps } from '#actions/visitors/visitor_rows'
import type { TimelineEntry } from '#actions/visitors/visitor_timeline'

/** A visitor row: VisitorTransformer's `row` variant (names, device, lead as shown). */
export type VisitorRow = Data.Visitor.Variants['row']
export type DeviceKind = VisitorRow['device']['kind']

/**
 * One entry of the timeline: a page event (VisitorEventTransformer's `withStepName` variant) or,
 * merged in by the controller, a PIX or a postback (VisitorTimeline).
 */
export type VisitorEventRow = Data.VisitorEvent.Variants['withStepName'] | TimelineEntry

export type FunnelOption = FunnelWithSteps
