import { useRef } from 'react'
import { CopyIcon } from 'lucide-react'
import { toast } from 'sonner'
import { Button } from '~/components/ui/button'
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
} from '~/components/ui/dialog'
import { Input } from '~/components/ui/input'
import { Label } from '~/components/ui/label'
import { useT } from '~/lib/i18n'

/**
 * The secret just generated (create, rotate), shown once with a copy button. Where the
 * clipboard API is refused (insecure origin, permissions) the text is selected for a manual copy.
 */
export function NewSecretDialog({
  secret,
  endpointName,
  open,
  onOpenChange,
}: {
  secret: string
  endpointName: string
  open: boolean
  onOpenChange: (open: boolean) => void
}) {
  const t = useT()
  const input = useRef<HTMLInputElement>(null)

  async function copy() {
    try {
      await navigator.clipboard.writeText(secret)
      toast.success(t('webhooks.new_secret.copied'))
    } catch {
      input.current?.select()
      toast.error(t('webhooks.new_secret.copy_failed'))
    }
  }

  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent
        closeLabel={t('common.close')}
        className="sm:max-w-lg"
        data-test="new-secret-dialog"
      >
        <DialogHeader>
          <DialogTitle>{t('webhooks.new_secret.title')}</DialogTitle>
          <DialogDescription>{t('webhooks.new_secret.description')}</DialogDescription>
        </DialogHeader>
        <div className="grid gap-2">
          <Label htmlFor="webhook-new-secret">
            {t('webhooks.new_secret.label', { name: endpointName })}
          </Label>
          <div className="flex gap-2">
            <Input
              ref={input}
              id="webhook-new-secret"
              readOnly
              value={secret}
              onFocus={(event) => event.target.select()}
              className="font-mono text-xs md:text-xs"
              data-test="new-secret-value"
            />
            <Button variant="outline" onClick={copy} data-test="copy-new-secret">
              <CopyIcon />
              {t('webhooks.new_secret.copy')}
            </Button>
          </div>
        </div>
        <DialogFooter>
          <Button onClick={() => onOpenChange(false)} data-test="new-secret-done">
            {t('webhooks.new_secret.done')}
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  )
}
