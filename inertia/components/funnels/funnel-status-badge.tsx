import { Badge } from '~/components/ui/badge'
import { useT } from '~/lib/i18n'
import type { Data } from '@generated/data'

type FunnelStatus = Data.Funnel['status']

/** ativo / inativo / arquivado. */
export function FunnelStatusBadge({ status }: { status: FunnelStatus }) {
  const t = useT()
  const variant = status === 'active' ? 'success' : status === 'archived' ? 'outline' : 'secondary'
  return (
    <Badge variant={variant} data-test="funnel-status">
      {t(`funnels.status.${status}`)}
    </Badge>
  )
}
