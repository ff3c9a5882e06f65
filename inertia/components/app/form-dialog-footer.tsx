import { LoaderCircleIcon } from 'lucide-react'
import { Button } from '~/components/ui/button'
import { DialogClose, DialogFooter } from '~/components/ui/dialog'
import { useT } from '~/lib/i18n'

/**
 * The footer of a dialog holding a form: "Cancel" closes it, the submit button shows a spinner
 * and is disabled while the form is sent.
 */
export function FormDialogFooter({
  processing,
  submitLabel,
  submitTestId,
}: {
  processing: boolean
  submitLabel: string
  submitTestId: string
}) {
  const t = useT()
  return (
    <DialogFooter>
      <DialogClose asChild>
        <Button variant="outline">{t('common.cancel')}</Button>
      </DialogClose>
      <Button type="submit" disabled={processing} data-test={submitTestId}>
        {processing && <LoaderCircleIcon className="animate-spin" />}
        {submitLabel}
      </Button>
    </DialogFooter>
  )
}
