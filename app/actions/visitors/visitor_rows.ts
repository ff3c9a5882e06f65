import type Workspace from '#models/workspace'

export type FunnelWithSteps = {
  id: number
  name: string
  steps: Array<{ id: number; name: string }>
}

/**
 * The workspace's funnels as the visitors pages and the live monitor name them (the rows
 * themselves: VisitorTransformer's `row` variant).
 */
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
}
