import { useState } from 'react'
import { router } from '@inertiajs/react'
import type { Method } from '@inertiajs/core'
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

/**
 * Asks before a destructive action (delete, archive) and sends it as an Inertia visit; the dialog
 * closes once the server accepted it and shows a spinner meanwhile.
 */
export function ConfirmDialog({
  open,
  onOpenChange,
  title,
  description,
  confirmLabel,
  request,
  confirmTestId,
}: {
  open: boolean
  onOpenChange: (open: boolean) => void
  title: string
  description: string
  confirmLabel: string
  /** The visit to make on confirmation. */
  request: { method: Method; url: string }
  confirmTestId?: string
}) {
  const t = useT()
  const [processing, setProcessing] = useState(false)

  function confirm() {
    router.visit(request.url, {
      method: request.method,
      preserveScroll: true,
      onStart: () => setProcessing(true),
      onSuccess: () => onOpenChange(false),
      onFinish: () => setProcessing(false),
    })
  }

  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent closeLabel={t('common.close')} className="sm:max-w-md">
        <DialogHeader>
          <DialogTitle>{title}</DialogTitle>
          <DialogDescription>{description}</DialogDescription>
        </DialogHeader>
        <DialogFooter>
          <DialogClose asChild>
            <Button variant="outline">{t('common.cancel')}</Button>
          </DialogClose>
          <Button
            variant="destructive"
            disabled={processing}
            onClick={confirm}
            data-test={confirmTestId}
          >
            {processing && <LoaderCircleIcon className="animate-spin" />}
            {confirmLabel}
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  )
}
