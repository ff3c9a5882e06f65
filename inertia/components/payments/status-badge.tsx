import { Badge } from '~/components/ui/badge'
import { useT } from '~/lib/i18n'
import type { Data } from '@generated/data'

type PaymentStatus = Data.Payment['status']

const VARIANTS: Record<PaymentStatus, 'success' | 'secondary' | 'destructive' | 'outline'> = {
  paid: 'success',
  pending: 'outline',
  failed: 'destructive',
  cancelled: 'secondary',
  expired: 'secondary',
  refunded: 'secondary',
  chargedback: 'destructive',
}

/**
 * A payment's status in words, coloured by outcome. A failure that was the gateway's fault
 * reads "Falha no gateway", not "Recusado": nobody refused the buyer.
 */
export function PaymentStatusBadge({
  status,
  failure,
  paidAfterExpiry = false,
}: {
  status: PaymentStatus
  failure?: 'gateway' | 'refused' | null
  /** Paid after our PIX expired: a second badge, "pago após expirar", with its explanation. */
  paidAfterExpiry?: boolean
}) {
  const t = useT()
  const gatewayFailure = status === 'failed' && failure === 'gateway'
  const badge = (
    <Badge
      variant={VARIANTS[status]}
      data-test="payment-status"
      data-failure={gatewayFailure ? 'gateway' : undefined}
    >
      {gatewayFailure ? t('payments.status.gateway_failed') : t(`payments.status.${status}`)}
    </Badge>
  )
  if (!paidAfterExpiry) return badge
  return (
    <span className="inline-flex flex-wrap items-center gap-1">
      {badge}
      <Badge
        variant="outline"
        data-test="paid-after-expiry"
        title={t('payments.paid_after_expiry_hint')}
      >
        {t('payments.paid_after_expiry')}
      </Badge>
    </span>
  )
}
