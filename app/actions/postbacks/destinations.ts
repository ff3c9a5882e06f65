import type Workspace from '#models/workspace'
import type WebhookEndpoint from '#models/webhook_endpoint'
import type { WebhookEventName } from '#integrations/webhooks/outbound'
import type { PostbackTarget } from '#enums/payments'
import {
  ga4Event,
  metaEvent,
  tiktokEvent,
  GA4_EVENT,
  META_EVENT,
  TIKTOK_EVENT,
  type ConversionFact,
} from '#integrations/conversions'

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
    ga4:
      ga4 && setting(ga4.settings, 'measurementId')
        ? { measurementId: setting(ga4.settings, 'measurementId')! }
        : null,
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

/**
 * One conversion as each configured ad platform wants it (Meta CAPI, TikTok Events, GA4), with
 * the platform's own event name: the same for a Purchase, a Lead or an InitiateCheckout.
 */
export function conversionRequests(
  fact: ConversionFact,
  destinations: Awaited<ReturnType<typeof conversionDestinations>>
): Array<{ target: PostbackTarget; event: string; request: { body: Record<string, unknown> } }> {
  const requests = []
  if (destinations.meta) {
    requests.push({
      target: 'meta' as const,
      event: META_EVENT[fact.kind],
      request: { body: metaEvent(fact, destinations.meta.testEventCode) },
    })
  }
  if (destinations.tiktok) {
    const { pixelCode, testEventCode } = destinations.tiktok
    requests.push({
      target: 'tiktok' as const,
      event: TIKTOK_EVENT[fact.kind],
      request: { body: tiktokEvent(fact, pixelCode, testEventCode) },
    })
  }
  if (destinations.ga4) {
    requests.push({
      target: 'ga4' as const,
      event: GA4_EVENT[fact.kind],
      request: { body: ga4Event(fact, destinations.ga4.measurementId) },
    })
  }
  return requests
}
