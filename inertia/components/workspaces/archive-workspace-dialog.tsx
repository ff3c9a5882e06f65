import { ConfirmDialog } from '~/components/app/confirm-dialog'
import { useT } from '~/lib/i18n'
import type { Data } from '@generated/data'
import { urlFor } from '~/lib/client'

type WorkspaceRow = Data.Workspace.Variants['detail']

/** Asks before archiving: an archived workspace stops serving its funnels. */
export function ArchiveWorkspaceDialog({
  workspace,
  open,
  onOpenChange,
}: {
  workspace: WorkspaceRow | null
  open: boolean
  onOpenChange: (open: boolean) => void
}) {
  const t = useT()
  if (!workspace) return null
  return (
    <ConfirmDialog
      open={open}
      onOpenChange={onOpenChange}
      title={t('workspaces.archive')}
      description={t('workspaces.archive.confirm', { name: workspace.name })}
      confirmLabel={t('common.archive')}
      request={{ method: 'post', url: urlFor('workspaces.archive', { id: workspace.id }) }}
      confirmTestId="confirm-archive"
    />
  )
}
