import { Badge } from '~/components/ui/badge'
import { useT } from '~/lib/i18n'
import type { Data } from '@generated/data'

type DeliveryStatus = Data.Delivery['status']

const VARIANTS: Record<DeliveryStatus, 'success' | 'outline' | 'destructive'> = {
  pending: 'outline',
  succeeded: 'success',
  failed: 'outline',
  dead: 'destructive',
}

/** A delivery's status in words: delivered, pending, retrying (amber) or dead letter. */
export function DeliveryStatusBadge({ status }: { status: DeliveryStatus }) {
  const t = useT()
  return (
    <Badge
      variant={VARIANTS[status]}
      className={
        status === 'failed' ? 'border-amber-400 text-amber-700 dark:text-amber-400' : undefined
      }
      data-test="delivery-status"
    >
      {t(`deliveries.status.${status}`)}
    </Badge>
  )
}
