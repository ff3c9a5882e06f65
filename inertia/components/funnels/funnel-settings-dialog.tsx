import { useState } from 'react'
import { usePage } from '@inertiajs/react'
import { Form } from '@adonisjs/inertia/react'
import { SettingsIcon } from 'lucide-react'
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
import type { Data } from '@generated/data'
import { urlFor } from '~/lib/client'

type FunnelRow = Data.Funnel

/** The funnel's own fields (name, address, niche, description, on/off), from the builder. */
export function FunnelSettingsDialog({ funnel }: { funnel: FunnelRow }) {
  const t = useT()
  const { workspace } = usePage().props
  const [open, setOpen] = useState(false)
  const [active, setActive] = useState(funnel.isActive)
  if (!workspace?.can.write) return null

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next)
        if (next) setActive(funnel.isActive)
      }}
    >
      <DialogTrigger asChild>
        <Button variant="outline" data-test="funnel-settings">
          <SettingsIcon />
          {t('funnels.settings')}
        </Button>
      </DialogTrigger>
      <DialogContent closeLabel={t('common.close')}>
        <DialogHeader>
          <DialogTitle>{t('funnels.settings')}</DialogTitle>
          <DialogDescription>{t('funnels.settings.description')}</DialogDescription>
        </DialogHeader>
        <Form
          action={urlFor('w.funnels.update', { workspaceSlug: workspace.slug, id: funnel.id })}
          method="put"
          options={{ preserveScroll: true }}
          onSuccess={() => setOpen(false)}
          className="grid gap-5"
        >
          {({ errors, processing }) => (
            <>
              <FunnelFields funnel={funnel} errors={errors} idPrefix="funnel-settings" />
              <label className="flex items-start gap-3 text-sm">
                <input type="hidden" name="isActive" value={active ? 'true' : 'false'} />
                <input
                  type="checkbox"
                  checked={active}
                  onChange={(event) => setActive(event.target.checked)}
                  className="mt-0.5 size-4 accent-primary"
                  data-test="funnel-active"
                />
                <span className="grid gap-1">
                  <span className="font-medium">{t('funnels.form.active')}</span>
                  <span className="text-muted-foreground">{t('funnels.form.active_help')}</span>
                </span>
              </label>
              <FormDialogFooter
                processing={processing}
                submitLabel={t('common.save')}
                submitTestId="funnel-settings-submit"
              />
            </>
          )}
        </Form>
      </DialogContent>
    </Dialog>
  )
}
