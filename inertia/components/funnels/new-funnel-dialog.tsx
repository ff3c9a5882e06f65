import { useState } from 'react'
import { usePage } from '@inertiajs/react'
import { Form } from '@adonisjs/inertia/react'
import { PlusIcon } from 'lucide-react'
import { FunnelFields } from '~/components/funnels/funnel-fields'
import { Button } from '~/components/ui/button'
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogHeader,
  DialogTitle,
  DialogTrigger,
} from '~/components/ui/dialog'
import { FormDialogFooter } from '~/components/app/form-dialog-footer'
import { useT } from '~/lib/i18n'
import { urlFor } from '~/lib/client'

/** "Novo funil": name and address; the new funnel opens in the builder. */
export function NewFunnelDialog() {
  const t = useT()
  const { workspace } = usePage().props
  const [open, setOpen] = useState(false)
  if (!workspace?.can.write) return null

  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button data-test="new-funnel">
          <PlusIcon />
          {t('funnels.new')}
        </Button>
      </DialogTrigger>
      <DialogContent closeLabel={t('common.close')}>
        <DialogHeader>
          <DialogTitle>{t('funnels.new')}</DialogTitle>
          <DialogDescription>{t('funnels.new.description')}</DialogDescription>
        </DialogHeader>
        <Form
          action={urlFor('w.funnels.store', { workspaceSlug: workspace.slug })}
          method="post"
          onSuccess={() => setOpen(false)}
          className="grid gap-5"
        >
          {({ errors, processing }) => (
            <>
              <FunnelFields errors={errors} idPrefix="new-funnel" />
              <FormDialogFooter
                processing={processing}
                submitLabel={t('common.create')}
                submitTestId="funnel-submit"
              />
            </>
          )}
        </Form>
      </DialogContent>
    </Dialog>
  )
}
