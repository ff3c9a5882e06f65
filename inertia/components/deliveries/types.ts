import type { Data } from '@generated/data'
import type { QueueState as ServerQueueState } from '#services/queue_depth_check'
import type ListDeliveries from '#actions/postbacks/list_deliveries'

/** DeliveryTransformer's generated types: a list row, and one delivery with its request. */
export type DeliveryRow = Data.Delivery
export type DeliveryDetail = Data.Delivery.Variants['detail']
export type DeliveryStatus = DeliveryRow['status']
export type DeliveryTarget = DeliveryRow['target']

/** The filter menus' order. */
export const DELIVERY_STATUSES: DeliveryStatus[] = ['pending', 'succeeded', 'failed', 'dead']
export const DELIVERY_TARGETS: DeliveryTarget[] = ['utmify', 'meta', 'tiktok', 'ga4', 'custom']

export type DeliveryTotals = Awaited<ReturnType<typeof ListDeliveries.handle>>['totals']

/** The server's interface as a plain object type: an interface is not a JSON page prop. */
type Plain<T> = { [K in keyof T]: T[K] extends object ? Plain<T[K]> : T[K] }

/** Jobs per state of one worker queue, and what it did over the last hour. */
export type QueueState = Plain<ServerQueueState>

/** Only failed (retrying) and dead deliveries offer "Reenviar". */
export function canRedeliver(delivery: Pick<DeliveryRow, 'status'>) {
  return delivery.status === 'failed' || delivery.status === 'dead'
}
