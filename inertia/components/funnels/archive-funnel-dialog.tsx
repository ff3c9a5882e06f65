import { useState } from 'react'
import { router, usePage } from '@inertiajs/react'
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
import type { Data } from '@generated/data'
import { urlFor } from '~/lib/client'

type FunnelRow = Data.Funnel

/**
 * Asks before archiving: the funnel's public address stops answering at once. The server's
 * answer carries an undo (the toast's "Desfazer"), so a slip costs one click.
 */
export function ArchiveFunnelDialog({
  funnel,
  open,
  onOpenChange,
}: {
  funnel: FunnelRow | null
  open: boolean
  onOpenChange: (open: boolean) => void
}) {
  const t = useT()
  const { workspace } = usePage().props
  const [processing, setProcessing] = useState(false)

  function archive() {
    if (!funnel || !workspace) return
    router.post(
      urlFor('w.funnels.archive', { workspaceSlug: workspace.slug, id: funnel.id }),
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
    <Dialog open={open && funnel !== null} onOpenChange={onOpenChange}>
      {funnel && (
        <DialogContent closeLabel={t('common.close')} className="sm:max-w-md">
          <DialogHeader>
            <DialogTitle>{t('funnels.archive_dialog.title', { name: funnel.name })}</DialogTitle>
            <DialogDescription className="break-words">
              {t('funnels.archive_dialog.text', {
                url: funnel.publicUrl.replace(/^https?:\/\//, ''),
              })}
            </DialogDescription>
          </DialogHeader>
          <DialogFooter>
            <DialogClose asChild>
              <Button variant="outline">{t('common.cancel')}</Button>
            </DialogClose>
            <Button disabled={processing} onClick={archive} data-test="confirm-archive">
              {processing && <LoaderCircleIcon className="animate-spin" />}
              {t('funnels.archive_dialog.confirm')}
            </Button>
          </DialogFooter>
        </DialogContent>
      )}
    </Dialog>
  )
}
