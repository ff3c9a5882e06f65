import type { HttpContext } from '@adonisjs/core/http'
import WorkspaceAccess from '#services/workspace_access'

/**
 * Who may listen to a workspace's real-time channels: a signed-in member (session cookie or
 * API token). Anyone else, including members of other workspaces, is refused.
 */
async function signedInUser(ctx: HttpContext) {
  for (const guard of ['web', 'api'] as const) {
    if (await ctx.auth.use(guard).check()) return ctx.auth.use(guard).user!
  }
  return null
}

export async function canSubscribeToWorkspace(ctx: HttpContext, workspaceId: number) {
  const user = await signedInUser(ctx)
  if (!user || !Number.isInteger(workspaceId)) return false
  return (await WorkspaceAccess.find(user, { id: workspaceId })) !== null
}

export async function canSubscribeToFunnel(
  ctx: HttpContext,
  workspaceId: number,
  funnelId: number
) {
  const user = await signedInUser(ctx)
  if (!user || !Number.isInteger(workspaceId) || !Number.isInteger(funnelId)) return false
  const workspace = await WorkspaceAccess.find(user, { id: workspaceId })
  if (!workspace) return false
  const funnel = await workspace
    .related('funnels')
    .query()
    .where('id', funnelId)
    .select('id')
    .first()
  return funnel !== null
}
