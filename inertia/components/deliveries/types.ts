import type { JsonObject } from '~/types'
export type DeliveryStatus = 'pending' | 'succeeded' | 'failed' | 'dead'

export type DeliveryTarget = 'utmify' | 'meta' | 'tiktok' | 'ga4' | 'custom'

export const DELIVERY_STATUSES: DeliveryStatus[] = ['pending', 'succeeded', 'failed', 'dead']

export const DELIVERY_TARGETS: DeliveryTarget[] = ['utmify', 'meta', 'tiktok', 'ga4', 'custom']

/** A list row (DeliveryTransformer.summary). */
export type DeliveryRow = {
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
  createdAt: string | null
  updatedAt: string | null
}

/** One delivery with the request as sent (DeliveryTransformer.detail). */
export type DeliveryDetail = DeliveryRow & {
  request: JsonObject
}

export type DeliveryTotals = Record<DeliveryStatus, number>

/** Jobs per state of one worker queue, and what it did over the last hour. */
export type QueueState = {
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
