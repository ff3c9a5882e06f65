import { useState } from 'react'
import { router, usePage } from '@inertiajs/react'
import { LoaderCircleIcon } from 'lucide-react'
import type { PixelRow } from '~/components/pixels/types'
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

/** Asks before deleting a pixel. */
export function DeletePixelDialog({
  pixel,
  open,
  onOpenChange,
}: {
  pixel: PixelRow | null
  open: boolean
  onOpenChange: (open: boolean) => void
}) {
  const t = useT()
  const { workspace } = usePage().props
  const [processing, setProcessing] = useState(false)

  function destroy() {
    if (!pixel || !workspace) return
    router.delete(`/w/${workspace.slug}/pixels/${pixel.id}`, {
      preserveScroll: true,
      onStart: () => setProcessing(true),
      onSuccess: () => onOpenChange(false),
      onFinish: () => setProcessing(false),
    })
  }

  return (
    <Dialog open={open && pixel !== null} onOpenChange={onOpenChange}>
      {pixel && (
        <DialogContent closeLabel={t('common.close')} className="sm:max-w-md">
          <DialogHeader>
            <DialogTitle>{t('pixels.delete')}</DialogTitle>
            <DialogDescription>
              {t('pixels.delete.confirm', {
                pixel: `${t(`pixels.type.${pixel.pixelType}`)} ${pixel.pixelId}`,
              })}
            </DialogDescription>
          </DialogHeader>
          <DialogFooter>
            <DialogClose asChild>
              <Button variant="outline">{t('common.cancel')}</Button>
            </DialogClose>
            <Button
              variant="destructive"
              disabled={processing}
              onClick={destroy}
              data-test="confirm-delete-pixel"
            >
              {processing && <LoaderCircleIcon className="animate-spin" />}
              {t('common.delete')}
            </Button>
          </DialogFooter>
        </DialogContent>
      )}
    </Dialog>
  )
}
