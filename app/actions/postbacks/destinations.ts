import type Workspace from '#models/workspace'
import type WebhookEndpoint from '#models/webhook_endpoint'
import type { WebhookEventName } from '#integrations/webhooks/outbound'

/** A non-empty string setting of a credential, else undefined. */
function setting(settings: Record<string, unknown> | undefined, key: string) {
  const value = settings?.[key]
  return typeof value === 'string' && value.trim() ? value.trim() : undefined
}

/**
 * Where a workspace's facts go, from its active credentials: UTMify, and the ad platforms only
 * where both the credential (token) and its pixel id are configured.
 */
export async function conversionDestinations(workspace: Workspace) {
  const credentials = await workspace
    .related('credentials')
    .query()
    .where('is_active', true)
    .orderBy('id', 'asc')
  const byService = new Map(credentials.map((credential) => [credential.service, credential]))
  const meta = byService.get('meta_capi')
  const tiktok = byService.get('tiktok_events')
  const ga4 = byService.get('ga4')
  const metaPixelId = setting(meta?.settings, 'pixelId')
  const tiktokPixelCode = setting(tiktok?.settings, 'pixelCode')
  return {
    utmify: byService.has('utmify'),
    meta: meta && metaPixelId ? { testEventCode: setting(meta.settings, 'testEventCode') } : null,
    tiktok:
      tiktok && tiktokPixelCode
        ? { pixelCode: tiktokPixelCode, testEventCode: setting(tiktok.settings, 'testEventCode') }
        : null,
    ga4: ga4 && setting(ga4.settings, 'measurementId') ? {} : null,
  }
}

/** The agency's active endpoints subscribed to an event, oldest first. */
export function subscribedEndpoints(
  workspace: Workspace,
  event: WebhookEventName
): Promise<WebhookEndpoint[]> {
  return workspace
    .related('webhookEndpoints')
    .query()
    .where('is_active', true)
    .whereRaw('events @> ?::jsonb', [JSON.stringify([event])])
    .orderBy('id', 'asc')
}
