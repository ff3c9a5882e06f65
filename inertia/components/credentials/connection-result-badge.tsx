import { CircleAlertIcon, CircleCheckIcon, CircleXIcon, WifiOffIcon } from 'lucide-react'
import type { Data } from '@generated/data'
import { Badge } from '~/components/ui/badge'
import { useT } from '~/lib/i18n'

type ConnectionTestResult = Data.Credential.Variants['testResult']

const ICONS = {
  ok: CircleCheckIcon,
  invalid_credentials: CircleXIcon,
  unreachable: WifiOffIcon,
  unexpected: CircleAlertIcon,
}

/** The outcome of "testar conexão"; the full message is in the tooltip and the toast. */
export function ConnectionResultBadge({
  id,
  result,
}: {
  id: number
  result: ConnectionTestResult
}) {
  const t = useT()
  const Icon = ICONS[result.status]
  return (
    <Badge
      variant={
        result.status === 'ok'
          ? 'success'
          : result.status === 'unexpected'
            ? 'secondary'
            : 'destructive'
      }
      title={result.message}
      data-test={`credential-test-result-${id}`}
      data-status={result.status}
    >
      <Icon aria-hidden="true" />
      {t(`credentials.result.${result.status}`)}
    </Badge>
  )
}
