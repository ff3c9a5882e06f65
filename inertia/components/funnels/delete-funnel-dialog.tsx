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
import { InputError } from '~/components/ui/input-error'
import { useT } from '~/lib/i18n'
import type { Data } from '@generated/data'
import { urlFor } from '~/lib/client'

type FunnelRow = Data.Funnel

/**
 * Asks before deleting a funnel for good. A funnel that took payments cannot be deleted: the
 * server's message (archive it instead) is shown here.
 */
export function DeleteFunnelDialog({
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
  const [error, setError] = useState<string | undefined>()
  const params = { workspaceSlug: workspace?.slug ?? '', id: funnel?.id ?? 0 }

  function destroy() {
    if (!funnel || !workspace) return
    router.delete(urlFor('w.funnels.destroy', params), {
      preserveScroll: true,
      onStart: () => {
        setProcessing(true)
        setError(undefined)
      },
      onSuccess: () => onOpenChange(false),
      onError: (errors) => setError(errors.funnel ?? Object.values(errors)[0]),
      onFinish: () => setProcessing(false),
    })
  }

  /** The way out the server suggests when the funnel has payments. */
  function archive() {
    router.post(
      urlFor('w.funnels.archive', params),
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
    <Dialog
      open={open && funnel !== null}
      onOpenChange={(next) => {
        if (!next) setError(undefined)
        onOpenChange(next)
      }}
    >
      {funnel && (
        <DialogContent closeLabel={t('common.close')} className="sm:max-w-md">
          <DialogHeader>
            <DialogTitle>{t('funnels.delete.title')}</DialogTitle>
            <DialogDescription>
              {t('funnels.delete.confirm', { name: funnel.name })}
            </DialogDescription>
          </DialogHeader>
          <InputError message={error} data-test="delete-error" />
          <DialogFooter>
            <DialogClose asChild>
              <Button variant="outline">{t('common.cancel')}</Button>
            </DialogClose>
            {error && funnel.archivedAt === null ? (
              <Button disabled={processing} onClick={archive} data-test="archive-instead">
                {processing && <LoaderCircleIcon className="animate-spin" />}
                {t('funnels.delete.archive_instead')}
              </Button>
            ) : (
              <Button
                variant="destructive"
                disabled={processing || error !== undefined}
                onClick={destroy}
                data-test="confirm-delete"
              >
                {processing && <LoaderCircleIcon className="animate-spin" />}
                {t('common.delete')}
              </Button>
            )}
          </DialogFooter>
        </DialogContent>
      )}
    </Dialog>
  )
}
