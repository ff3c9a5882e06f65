import { usePage } from '@inertiajs/react'
import { ConfirmDialog } from '~/components/app/confirm-dialog'
import type { Data } from '@generated/data'
import { useT } from '~/lib/i18n'
import { urlFor } from '~/lib/client'

type WebhookRow = Data.WebhookEndpoint

/** Asks before deleting an endpoint. */
export function DeleteWebhookDialog({
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
      title={t('webhooks.delete')}
      description={t('webhooks.delete.confirm', { name: endpoint.name })}
      confirmLabel={t('common.delete')}
      request={{
        method: 'delete',
        url: urlFor('w.webhooks.destroy', { workspaceSlug: workspace.slug, id: endpoint.id }),
      }}
      confirmTestId="confirm-delete-webhook"
    />
  )
}
