import { usePage } from '@inertiajs/react'
import type { Data } from '@generated/data'
import { ConfirmDialog } from '~/components/app/confirm-dialog'
import { useT } from '~/lib/i18n'
import { urlFor } from '~/lib/client'

type CredentialRow = Data.Credential

/** Asks before deleting a credential: whatever uses it stops working. */
export function DeleteCredentialDialog({
  credential,
  open,
  onOpenChange,
}: {
  credential: CredentialRow | null
  open: boolean
  onOpenChange: (open: boolean) => void
}) {
  const t = useT()
  const { workspace } = usePage().props
  if (!credential || !workspace) return null
  return (
    <ConfirmDialog
      open={open}
      onOpenChange={onOpenChange}
      title={t('credentials.delete')}
      description={t('credentials.delete.confirm', { name: credential.name })}
      confirmLabel={t('common.delete')}
      request={{
        method: 'delete',
        url: urlFor('w.credentials.destroy', { workspaceSlug: workspace.slug, id: credential.id }),
      }}
      confirmTestId="confirm-delete-credential"
    />
  )
}
