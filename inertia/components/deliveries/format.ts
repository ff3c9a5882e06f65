import { useCallback } from 'react'
import { useT } from '~/lib/i18n'
import type { Data } from '@generated/data'

type DeliveryRow = Data.Delivery

/** The destination in words: "UTMify", "Meta CAPI", … or `Webhook “CRM”` with the endpoint's name. */
export function useDestination() {
  const t = useT()
  return useCallback(
    (delivery: Pick<DeliveryRow, 'target' | 'webhookEndpoint'>) =>
      delivery.target === 'custom' && delivery.webhookEndpoint?.name
        ? t('deliveries.target.custom_named', { name: delivery.webhookEndpoint.name })
        : t(`deliveries.target.${delivery.target}`),
    [t]
  )
}

/** A JSON text indented when it parses, as it came otherwise (answers are cut at 500 chars). */
export function prettyJson(value: unknown) {
  if (typeof value !== 'string') return JSON.stringify(value ?? null, null, 2)
  try {
    return JSON.stringify(JSON.parse(value), null, 2)
  } catch {
    return value
  }
}
