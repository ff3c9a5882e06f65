import { Badge } from '~/components/ui/badge'
import { useT } from '~/lib/i18n'
import type { PaymentStatus } from './types'

const VARIANTS: Record<PaymentStatus, 'success' | 'secondary' | 'destructive' | 'outline'> = {
  paid: 'success',
  pending: 'outline',
  failed: 'destructive',
  cancelled: 'secondary',
  expired: 'secondary',
  refunded: 'secondary',
  chargedback: 'destructive',
}

/** A payment's status in words, coloured by outcome. */
export function PaymentStatusBadge({ status }: { status: PaymentStatus }) {
  const t = useT()
  return (
    <Badge variant={VARIANTS[status]} data-test="payment-status">
      {t(`payments.status.${status}`)}
    </Badge>
  )
}
