import { DateTime } from 'luxon'
import VisitorTransformer from '#transformers/visitor_transformer'
import { deviceFromUserAgent } from '#services/user_agent'
import type Visitor from '#models/visitor'
import type Workspace from '#models/workspace'

export interface FunnelWithSteps {
  id: number
  name: string
  steps: Array<{ id: number; name: string }>
}

/** What the admin's visitors pages and the live monitor show of visitors and funnels. */
export default class VisitorRows {
  /** The workspace's funnels with their steps in order, for filters, names and the monitor. */
  static async funnels(workspace: Workspace): Promise<FunnelWithSteps[]> {
    const funnels = await workspace
      .related('funnels')
      .query()
      .select('id', 'name', 'workspace_id')
      .preload('steps', (q) =>
        q.select('id', 'name', 'funnel_id', 'order_index').orderBy('order_index')
      )
      .orderBy('name')
    return funnels.map((funnel) => ({
      id: funnel.id,
      name: funnel.name,
      steps: funnel.steps.map((step) => ({ id: step.id, name: step.name })),
    }))
  }

  /** A visitor with its funnel and step names, device and when its current page began. */
  static row(visitor: Visitor, funnels: FunnelWithSteps[]) {
    const funnel = funnels.find((f) => f.id === visitor.funnelId)
    const step = funnel?.steps.find((s) => s.id === visitor.currentStepId)
    const entered = visitor.$extras.step_entered_at as Date | string | null | undefined
    return {
      ...VisitorTransformer.transform(visitor),
      funnelName: funnel?.name ?? null,
      stepName: step?.name ?? null,
      stepEnteredAt: entered ? DateTime.fromJSDate(new Date(entered)).toISO() : null,
      device: deviceFromUserAgent(visitor.userAgent),
    }
  }
}
