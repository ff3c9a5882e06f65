import { AlertTriangleIcon, RotateCwIcon } from 'lucide-react'
import { Button } from '~/components/ui/button'
import { useT } from '~/lib/i18n'

/**
 * A save the server did not take, in the save bar: what happened and "Tentar novamente" (a
 * submit button, so the retry sends the form exactly as it is now). The form stays dirty.
 */
export function SaveFailure({ message, disabled }: { message: string; disabled?: boolean }) {
  const t = useT()
  return (
    <div
      role="alert"
      className="mr-auto flex min-w-0 flex-wrap items-center gap-2 text-sm text-destructive"
      data-test="save-failure"
    >
      <AlertTriangleIcon className="size-4 shrink-0" aria-hidden />
      <span className="min-w-0">{message}</span>
      <Button type="submit" variant="outline" size="sm" disabled={disabled} data-test="save-retry">
        <RotateCwIcon />
        {t('common.retry')}
      </Button>
    </div>
  )
}
