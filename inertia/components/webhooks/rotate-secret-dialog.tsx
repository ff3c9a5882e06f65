import { usePage } from '@inertiajs/react'
import { ConfirmDialog } from '~/components/app/confirm-dialog'
import type { Data } from '@generated/data'
import { useT } from '~/lib/i18n'
import { urlFor } from '~/lib/client'

type WebhookRow = Data.WebhookEndpoint

/**
 * Asks before replacing the secret (the current one stops working at once); the server then
 * flashes the new secret and the page shows it once.
 */
export function RotateSecretDialog({
  endpoint,
  open,
  onOpenChange,
}: {
  endpoint: WebhookRow | null
  open: boolean
  onOpenChange: (open: boolean) => void
}) {
  const t = useT()
  const { workspace } = usePage().props
  if (!endpoint || !workspace) return null
  return (
    <ConfirmDialog
      open={open}
      onOpenChange={onOpenChange}
      title={t('webhooks.rotate')}
      description={t('webhooks.rotate.confirm', { name: endpoint.name })}
      confirmLabel={t('webhooks.rotate.action')}
      request={{
        method: 'post',
        url: urlFor('w.webhooks.rotate_secret', { workspaceSlug: workspace.slug, id: endpoint.id }),
      }}
      confirmTestId="confirm-rotate-secret"
    />
  )
}
