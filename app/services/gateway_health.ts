import Credential from '#models/credential'
import { UNHEALTHY } from '#actions/credentials/record_credential_health'

/**
 * A payment gateway credential in trouble, as the admin banner shows it (a type alias, not an
 * interface, so it fits Inertia's JSON page props).
 */
export type GatewayAlert = {
  credentialId: number
  name: string
  service: string
  health: string
  error: string | null
  since: string | null
}

/**
 * The workspace's active payment gateway credentials that are unhealthy (refused key,
 * unreachable, failing): what the banner on the dashboard, funnel and checkout pages lists.
 * One indexed query per page render; empty for most workspaces.
 */
export async function gatewayAlerts(workspaceId: number): Promise<GatewayAlert[]> {
  const credentials = await Credential.forWorkspace(workspaceId)
    .where('service', 'skalepay')
    .where('is_active', true)
    .whereIn('health_status', [...UNHEALTHY])
    .orderBy('id', 'asc')
    .select(
      'id',
      'workspace_id',
      'name',
      'service',
      'health_status',
      'health_error',
      'health_checked_at'
    )
  return credentials.map((credential) => ({
    credentialId: credential.id,
    name: credential.name,
    service: credential.service,
    health: credential.healthStatus,
    error: credential.healthError,
    since: credential.healthCheckedAt?.toISO() ?? null,
  }))
}
