import type { HttpContext } from '@adonisjs/core/http'
import WorkspaceAccess from '#services/workspace_access'

/**
 * Who may listen to a workspace's real-time channels: a signed-in member (session cookie or
 * API token). Anyone else, including members of other workspaces, is refused. A request with a
 * bearer token is judged by the token alone, never by a cookie that came along (as on `/api/*`).
 */
async function signedInUser(ctx: HttpContext) {
  const bearer = /^Bearer\s/i.test(ctx.request.header('authorization') ?? '')
  const guard = ctx.auth.use(bearer ? 'api' : 'web')
  return (await guard.check()) ? guard.user! : null
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
