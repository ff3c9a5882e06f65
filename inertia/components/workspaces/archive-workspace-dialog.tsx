import { useState } from 'react'
import { router } from '@inertiajs/react'
import { LoaderCircleIcon } from 'lucide-react'
import { Button } from '~/components/ui/button'
import {
  Dialog,
  DialogClose,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
} from '~/components/ui/dialog'
import { useT } from '~/lib/i18n'
import type { WorkspaceRow } from '~/types'

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
  const [processing, setProcessing] = useState(false)

  function archive() {
    if (!workspace) return
    router.post(
      `/workspaces/${workspace.id}/archive`,
      {},
      {
        preserveScroll: true,
        onStart: () => setProcessing(true),
        onSuccess: () => onOpenChange(false),
        onFinish: () => setProcessing(false),
      }
    )
  }

  return (
    <Dialog open={open && workspace !== null} onOpenChange={onOpenChange}>
      {workspace && (
        <DialogContent closeLabel={t('common.close')} className="sm:max-w-md">
          <DialogHeader>
            <DialogTitle>{t('workspaces.archive')}</DialogTitle>
            <DialogDescription>
              {t('workspaces.archive.confirm', { name: workspace.name })}
            </DialogDescription>
          </DialogHeader>
          <DialogFooter>
            <DialogClose asChild>
              <Button variant="outline">{t('common.cancel')}</Button>
            </DialogClose>
            <Button
              variant="destructive"
              disabled={processing}
              onClick={archive}
              data-test="confirm-archive"
            >
              {processing && <LoaderCircleIcon className="animate-spin" />}
              {t('common.archive')}
            </Button>
          </DialogFooter>
        </DialogContent>
      )}
    </Dialog>
  )
}
