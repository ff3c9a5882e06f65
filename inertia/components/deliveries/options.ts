import type { Data } from '@generated/data'

type DeliveryStatus = Data.Delivery['status']

/** The filter menus' order. */
export const DELIVERY_STATUSES: DeliveryStatus[] = ['pending', 'succeeded', 'failed', 'dead']
export const DELIVERY_TARGETS: Data.Delivery['target'][] = [
  'utmify',
  'meta',
  'tiktok',
  'ga4',
  'custom',
]

/** Only failed (retrying) and dead deliveries offer "Reenviar". */
export function canRedeliver(delivery: { status: DeliveryStatus }) {
  return delivery.status === 'failed' || delivery.status === 'dead'
}
