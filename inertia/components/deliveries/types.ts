export type DeliveryStatus = 'pending' | 'succeeded' | 'failed' | 'dead'

export type DeliveryTarget = 'utmify' | 'meta' | 'tiktok' | 'ga4' | 'custom'

export const DELIVERY_STATUSES: DeliveryStatus[] = ['pending', 'succeeded', 'failed', 'dead']

export const DELIVERY_TARGETS: DeliveryTarget[] = ['utmify', 'meta', 'tiktok', 'ga4', 'custom']

/** A list row (DeliveryTransformer.summary). */
export interface DeliveryRow {
  id: number
  target: DeliveryTarget
  event: string
  paymentId: number | null
  visitorId: number | null
  webhookEndpoint: { id: number; name: string | null } | null
  status: DeliveryStatus
  attempts: number
  responseStatus: number | null
  responseExcerpt: string | null
  durationMs: number | null
  lastError: string | null
  nextAttemptAt: string | null
  deliveredAt: string | null
  createdAt: string
  updatedAt: string
}

/** One delivery with the request as sent (DeliveryTransformer.detail). */
export interface DeliveryDetail extends DeliveryRow {
  request: { body?: unknown } & Record<string, unknown>
}

export type DeliveryTotals = Record<DeliveryStatus, number>

/** Jobs per state of one worker queue, and what it did over the last hour. */
export interface QueueState {
  name: string
  waiting: number
  active: number
  delayed: number
  failed: number
  metrics: {
    windowMinutes: number
    completed: number
    failed: number
    waitMs: { avg: number | null; max: number | null }
    processMs: { avg: number | null; max: number | null }
  }
}

/** Only failed (retrying) and dead deliveries offer "Reenviar". */
export function canRedeliver(delivery: Pick<DeliveryRow, 'status'>) {
  return delivery.status === 'failed' || delivery.status === 'dead'
}
