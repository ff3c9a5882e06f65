import { usePage } from '@inertiajs/react'
import { Link } from '@adonisjs/inertia/react'
import { TriangleAlertIcon } from 'lucide-react'
import { useT } from '~/lib/i18n'

/** A payment gateway credential in trouble (app/services/gateway_health.ts). */
export type GatewayAlert = {
  credentialId: number
  name: string
  service: string
  health: 'invalid' | 'unreachable' | 'failing'
  error: string | null
  since: string | null
}

/**
 * "Gateway de pagamento com falhas": shown on the dashboard, funnel and checkout pages while
 * the workspace's payment gateway credential is unhealthy, since every buyer is then failing
 * to get a PIX. Links to Credenciais, where "Testar conexão" or a new key fixes it.
 */
export function GatewayHealthBanner() {
  const t = useT()
  const { gatewayAlerts, workspace } = usePage().props as unknown as {
    gatewayAlerts?: GatewayAlert[]
    workspace: { slug: string } | null
  }
  if (!gatewayAlerts?.length || !workspace) return null
  return (
    <div
      role="alert"
      data-test="gateway-health-banner"
      className="flex items-start gap-3 rounded-lg border border-destructive/40 bg-destructive/10 p-4 text-sm"
    >
      <TriangleAlertIcon className="mt-0.5 size-5 shrink-0 text-destructive" aria-hidden="true" />
      <div className="grid gap-1">
        <p className="font-medium text-destructive">
          {t('gateway_health.title', {
            names: gatewayAlerts.map((alert) => alert.name).join(', '),
          })}
        </p>
        {gatewayAlerts.map((alert) => (
          <p key={alert.credentialId} className="text-muted-foreground">
            {t(`gateway_health.${alert.health}`)}
            {alert.error ? ` (${alert.error})` : ''}
          </p>
        ))}
        <p>
          <Link
            route="w.credentials.index"
            routeParams={{ workspaceSlug: workspace.slug }}
            className="font-medium underline underline-offset-4"
            data-test="gateway-health-link"
          >
            {t('gateway_health.link')}
          </Link>
        </p>
      </div>
    </div>
  )
}
