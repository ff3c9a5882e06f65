import { randomUUID } from 'node:crypto'
import db from '@adonisjs/lucid/services/db'
import logger from '@adonisjs/core/services/logger'
import { DateTime } from 'luxon'
import Workspace from '#models/workspace'
import type PostbackDelivery from '#models/postback_delivery'
import type Credential from '#models/credential'
import type { DeliveryOutcome } from '#integrations/delivery'
import UtmifyOrders, { isPastUtmifyAgeLimit, type UtmifyStatus } from '#integrations/utmify/orders'
import MetaCapiEvents from '#integrations/meta_capi/events'
import TiktokEvents from '#integrations/tiktok_events/events'
import Ga4Events from '#integrations/ga4/events'
import { sendWebhook } from '#integrations/webhooks/outbound'
import type { IntegrationConfig } from '#integrations/integration_client'
import { postbackSettings, retryDelayAfter } from '#services/postbacks'
import type { PostbackTarget } from '#enums/payments'
import RecordCredentialHealth from '#actions/credentials/record_credential_health'
import { broadcastToWorkspace } from '#services/realtime'

/** Thrown so BullMQ retries the job with its backoff; the row already says why. */
export class RetryDelivery extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'RetryDelivery'
  }
}

/**
 * Another worker holds the delivery's lease (it is sending it right now, or died doing so):
 * the job comes back when the lease ends, without spending one of its attempts.
 */
export class DeliveryLeased extends Error {
  constructor(
    readonly deliveryId: number,
    readonly until: Date
  ) {
    super(`delivery ${deliveryId} is leased until ${until.toISOString()}`)
    this.name = 'DeliveryLeased'
  }
}

export interface DeliverParams {
  workspaceId: number
  deliveryId: number
  /** 1-based number of this attempt of the job, and how many the job has. */
  attempt?: number
  maxAttempts?: number
}

export type DeliverResult = {
  outcome: 'succeeded' | 'dead' | 'retry' | 'skipped'
  attempts?: number
  reason?: string
}

/** The service of the credential each target uses. */
const SERVICE_OF: Partial<Record<PostbackTarget, string>> = {
  utmify: 'utmify',
  meta: 'meta_capi',
  tiktok: 'tiktok_events',
  ga4: 'ga4',
}

function configOf(credential: Credential): IntegrationConfig {
  return {
    apiKey: credential.apiKey,
    apiSecret: credential.apiSecret,
    apiUrl: credential.apiUrl,
    settings: credential.settings ?? {},
  }
}

/**
 * Sends one delivery once. The worker first claims the row with a lease (an UPDATE that only
 * succeeds on a pending or failed row nobody else holds), then calls the destination with no
 * transaction open — a slow destination holds no database connection — then records the
 * attempt only while it still holds the lease. Two jobs of one row never send concurrently; a
 * row already `succeeded` is never sent again. Every attempt is recorded (status, answer
 * excerpt, duration, attempt number, next attempt). A retryable failure throws `RetryDelivery`
 * (BullMQ applies the backoff); a final one (4xx other than 408/429, exhausted attempts, order
 * past UTMify's age limit) is `dead`.
 */
export default class DeliverPostback {
  static async handle(params: DeliverParams): Promise<DeliverResult> {
    const workspace = await Workspace.findOrFail(params.workspaceId)
    const attempt = params.attempt ?? 1
    const maxAttempts = params.maxAttempts ?? postbackSettings.attempts

    const lease = randomUUID()
    const claimed = await db.rawQuery(
      `UPDATE postback_deliveries
          SET lease_token = ?, lease_expires_at = now() + make_interval(secs => ?)
        WHERE workspace_id = ? AND id = ? AND status IN ('pending', 'failed')
          AND (lease_expires_at IS NULL OR lease_expires_at < now())
        RETURNING id`,
      [lease, postbackSettings.leaseMs / 1000, workspace.id, params.deliveryId]
    )
    const delivery = await workspace
      .related('postbackDeliveries')
      .query()
      .where('id', params.deliveryId)
      .first()
    if (!delivery) return { outcome: 'skipped', reason: 'missing' }
    if (!claimed.rows.length) {
      if (delivery.status === 'succeeded' || delivery.status === 'dead') {
        return { outcome: 'skipped', reason: delivery.status }
      }
      throw new DeliveryLeased(
        Number(delivery.id),
        delivery.leaseExpiresAt?.toJSDate() ?? new Date(Date.now() + postbackSettings.leaseMs)
      )
    }

    const refusal = await this.#refusal(delivery)
    const outcome: DeliveryOutcome | null = refusal ? null : await this.#send(workspace, delivery)
    const attempts = outcome ? delivery.attempts + 1 : delivery.attempts
    const exhausted = attempt >= maxAttempts
    const status = !outcome
      ? 'dead'
      : outcome.ok
        ? 'succeeded'
        : outcome.retryable && !exhausted
          ? 'failed'
          : 'dead'
    const lastError = !outcome
      ? refusal
      : outcome.ok
        ? null
        : outcome.httpStatus
          ? `HTTP ${outcome.httpStatus}`
          : (outcome.excerpt ?? 'network error')

    /** Recorded only under our lease: a worker whose lease lapsed leaves the row to its successor. */
    const recorded = await workspace
      .related('postbackDeliveries')
      .query()
      .where('id', params.deliveryId)
      .where('lease_token', lease)
      .update({
        status,
        attempts,
        ...(outcome
          ? {
              response_status: outcome.httpStatus,
              response_excerpt: outcome.excerpt,
              duration_ms: outcome.durationMs,
            }
          : {}),
        delivered_at: outcome?.ok ? new Date() : null,
        next_attempt_at:
          status === 'failed' ? new Date(Date.now() + retryDelayAfter(attempt)) : null,
        last_error: lastError,
        lease_token: null,
        lease_expires_at: null,
        updated_at: new Date(),
      })
    if (!Number(Array.isArray(recorded) ? recorded[0] : recorded)) {
      logger.warn({ deliveryId: params.deliveryId }, 'delivery lease lapsed before recording')
    }

    const result: DeliverResult = {
      outcome: status === 'succeeded' ? 'succeeded' : status === 'dead' ? 'dead' : 'retry',
      attempts,
      reason: lastError ?? undefined,
    }
    broadcastToWorkspace(workspace.id, 'delivery_updated', {
      deliveryId: params.deliveryId,
      outcome: result.outcome,
      paymentId: delivery.paymentId ?? null,
    })
    if (result.outcome === 'retry') {
      throw new RetryDelivery(`delivery ${params.deliveryId}: ${result.reason ?? 'retry'}`)
    }
    return result
  }

  /** Why a delivery must not be sent at all (no credential any more, order too old). */
  static async #refusal(delivery: PostbackDelivery): Promise<string | null> {
    if (delivery.target === 'utmify') {
      const body = (delivery.request as any)?.body ?? {}
      const createdAt = body.createdAt
        ? DateTime.fromFormat(body.createdAt, 'yyyy-MM-dd HH:mm:ss', { zone: 'utc' })
        : null
      if (createdAt?.isValid && isPastUtmifyAgeLimit(createdAt, body.status as UtmifyStatus)) {
        return 'order_too_old'
      }
    }
    if (delivery.target === 'meta') {
      /** Meta rejects a whole batch holding an event older than 7 days. */
      const time = Number((delivery.request as any)?.body?.data?.[0]?.event_time)
      if (time && Date.now() / 1000 - time > 7 * 24 * 3600) return 'event_too_old'
    }
    return null
  }

  static async #credential(workspace: Workspace, target: PostbackTarget) {
    const service = SERVICE_OF[target]
    if (!service) return null
    return workspace
      .related('credentials')
      .query()
      .where('service', service)
      .where('is_active', true)
      .orderBy('id', 'asc')
      .first()
  }

  static async #send(workspace: Workspace, delivery: PostbackDelivery): Promise<DeliveryOutcome> {
    const body = ((delivery.request as any)?.body ?? {}) as Record<string, unknown>
    if (delivery.target === 'custom') {
      const endpoint = delivery.webhookEndpointId
        ? await workspace
            .related('webhookEndpoints')
            .query()
            .where('id', delivery.webhookEndpointId)
            .where('is_active', true)
            .first()
        : null
      if (!endpoint) {
        return {
          ok: false,
          httpStatus: null,
          excerpt: 'endpoint_disabled',
          durationMs: 0,
          retryable: false,
        }
      }
      return sendWebhook(endpoint.url, endpoint.secret, body, {
        deliveryId: Number(delivery.id),
        event: delivery.event,
      })
    }
    const credential = await this.#credential(workspace, delivery.target)
    if (!credential) {
      return {
        ok: false,
        httpStatus: null,
        excerpt: 'no_credential',
        durationMs: 0,
        retryable: false,
      }
    }
    const outcome = await this.#post(delivery.target, credential, body)
    /** 401/403: the key is refused (UTMify's contract says: do not retry, flag the credential). */
    const health = RecordCredentialHealth.fromHttpStatus(outcome.httpStatus, outcome.ok)
    if (health) {
      await RecordCredentialHealth.handle(credential, health, `HTTP ${outcome.httpStatus}`)
    }
    return outcome
  }

  static #post(
    target: PostbackTarget,
    credential: Credential,
    body: Record<string, unknown>
  ): Promise<DeliveryOutcome> {
    switch (target) {
      case 'utmify':
        return new UtmifyOrders(configOf(credential)).postOrder(body)
      case 'meta':
        return new MetaCapiEvents(configOf(credential)).postEvents(body)
      case 'tiktok':
        return new TiktokEvents(configOf(credential)).postEvents(body)
      case 'ga4':
        return new Ga4Events(configOf(credential)).postEvents(body)
      default:
        return Promise.resolve({
          ok: false,
          httpStatus: null,
          excerpt: 'unsupported_target',
          durationMs: 0,
          retryable: false,
        })
    }
  }
}
