import { useState } from 'react'
import { router, usePage } from '@inertiajs/react'
import { LoaderCircleIcon, Trash2Icon } from 'lucide-react'
import { Button } from '~/components/ui/button'
import {
  Dialog,
  DialogClose,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
  DialogTrigger,
} from '~/components/ui/dialog'
import { useT } from '~/lib/i18n'
import type { Data } from '@generated/data'
import { urlFor } from '~/lib/client'

type Step = Data.Step.Variants['inFunnel']

/** Asks before deleting a step; links that pointed to it fall back to "the next step". */
export function DeleteStepDialog({ step }: { step: Step }) {
  const t = useT()
  const { workspace } = usePage().props
  const [open, setOpen] = useState(false)
  const [processing, setProcessing] = useState(false)
  if (!workspace?.can.write) return null

  function destroy() {
    router.delete(
      urlFor('w.steps.destroy', {
        workspaceSlug: workspace!.slug,
        funnelId: step.funnelId,
        stepId: step.id,
      }),
      {
        preserveScroll: true,
        onStart: () => setProcessing(true),
        onSuccess: () => setOpen(false),
        onFinish: () => setProcessing(false),
      }
    )
  }

  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button
          variant="ghost"
          size="icon-sm"
          className="text-muted-foreground hover:text-destructive"
          aria-label={t('funnels.builder.delete_step')}
          title={t('funnels.builder.delete_step')}
          data-test="delete-step"
        >
          <Trash2Icon />
        </Button>
      </DialogTrigger>
      <DialogContent closeLabel={t('common.close')} className="sm:max-w-md">
        <DialogHeader>
          <DialogTitle>{t('funnels.builder.delete_step')}</DialogTitle>
          <DialogDescription>
            {t('funnels.builder.delete_step.confirm', { name: step.name })}
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
            data-test="confirm-delete-step"
          >
            {processing && <LoaderCircleIcon className="animate-spin" />}
            {t('common.delete')}
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  )
}
