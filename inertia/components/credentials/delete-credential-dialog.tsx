import { useState } from 'react'
import { router, usePage } from '@inertiajs/react'
import { LoaderCircleIcon } from 'lucide-react'
import type { CredentialRow } from '~/components/credentials/types'
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
  const [processing, setProcessing] = useState(false)

  function destroy() {
    if (!credential || !workspace) return
    router.delete(`/w/${workspace.slug}/credentials/${credential.id}`, {
      preserveScroll: true,
      onStart: () => setProcessing(true),
      onSuccess: () => onOpenChange(false),
      onFinish: () => setProcessing(false),
    })
  }

  return (
    <Dialog open={open && credential !== null} onOpenChange={onOpenChange}>
      {credential && (
        <DialogContent closeLabel={t('common.close')} className="sm:max-w-md">
          <DialogHeader>
            <DialogTitle>{t('credentials.delete')}</DialogTitle>
            <DialogDescription>
              {t('credentials.delete.confirm', { name: credential.name })}
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
              data-test="confirm-delete-credential"
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
