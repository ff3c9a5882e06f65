import type { ApiResponse } from '@japa/api-client'
import type Workspace from '#models/workspace'
import { FunnelFactory } from '#database/factories/funnel_factory'
import { FunnelStepFactory } from '#database/factories/funnel_step_factory'
import { TrackingPixelFactory } from '#database/factories/tracking_pixel_factory'

/** A funnel of the workspace with `count` steps in order. */
export async function funnelWithSteps(workspace: Workspace, count = 2) {
  const funnel = await FunnelFactory.merge({ workspaceId: workspace.id }).create()
  const steps = []
  for (let index = 0; index < count; index++) {
    steps.push(
      await FunnelStepFactory.merge({
        workspaceId: workspace.id,
        funnelId: funnel.id,
        orderIndex: index,
      }).create()
    )
  }
  return { funnel, steps }
}

/** A Meta pixel on the whole funnel. */
export function pixelOf(
  workspace: Workspace,
  funnelId: number,
  overrides: Record<string, any> = {}
) {
  return TrackingPixelFactory.merge({ workspaceId: workspace.id, funnelId, ...overrides }).create()
}

/** Sends a request and asserts its status. */
export async function expectStatus(request: PromiseLike<ApiResponse>, status: number) {
  const response = await request
  response.assertStatus(status)
  return response
}
