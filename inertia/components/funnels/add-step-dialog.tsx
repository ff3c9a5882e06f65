import { useState } from 'react'
import { usePage } from '@inertiajs/react'
import { Form } from '@adonisjs/inertia/react'
import { PlusIcon } from 'lucide-react'
import { Button } from '~/components/ui/button'
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogHeader,
  DialogTitle,
  DialogTrigger,
} from '~/components/ui/dialog'
import { Input } from '~/components/ui/input'
import { InputError } from '~/components/ui/input-error'
import { Label } from '~/components/ui/label'
import { Select } from '~/components/ui/select'
import { FormDialogFooter } from '~/components/app/form-dialog-footer'
import { useT } from '~/lib/i18n'
import type { Data } from '@generated/data'
import { STEP_TYPES } from '~/components/funnels/options'
import { urlFor } from '~/lib/client'

type StepType = Data.Step['stepType']

/** Appends a step (name and type) at the end of the funnel; it opens selected. */
export function AddStepDialog({
  funnelId,
  suggestedType,
}: {
  funnelId: number
  suggestedType: StepType
}) {
  const t = useT()
  const { workspace } = usePage().props
  const [open, setOpen] = useState(false)
  if (!workspace?.can.write) return null

  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button variant="outline" size="sm" className="w-full" data-test="add-step">
          <PlusIcon />
          {t('funnels.builder.add_step')}
        </Button>
      </DialogTrigger>
      <DialogContent closeLabel={t('common.close')} className="sm:max-w-md">
        <DialogHeader>
          <DialogTitle>{t('funnels.builder.add_step')}</DialogTitle>
          <DialogDescription>{t('funnels.builder.add_step.description')}</DialogDescription>
        </DialogHeader>
        <Form
          action={urlFor('w.steps.store', { workspaceSlug: workspace.slug, funnelId })}
          method="post"
          options={{ preserveScroll: true }}
          onSuccess={() => setOpen(false)}
          className="grid gap-5"
        >
          {({ errors, processing }) => (
            <>
              <div className="grid gap-2">
                <Label htmlFor="add-step-name">{t('common.name')}</Label>
                <Input
                  id="add-step-name"
                  name="name"
                  autoComplete="off"
                  autoFocus
                  placeholder={t('funnels.builder.step_name_placeholder')}
                  data-test="step-name"
                  aria-invalid={errors.name ? true : undefined}
                />
                <InputError message={errors.name} />
              </div>
              <div className="grid gap-2">
                <Label htmlFor="add-step-type">{t('funnels.builder.step_type')}</Label>
                <Select
                  id="add-step-type"
                  name="stepType"
                  defaultValue={suggestedType}
                  data-test="step-type"
                  aria-invalid={errors.stepType ? true : undefined}
                >
                  {STEP_TYPES.map((type) => (
                    <option key={type} value={type}>
                      {t(`funnels.step_types.${type}`)}
                    </option>
                  ))}
                </Select>
                <InputError message={errors.stepType} />
              </div>
              <FormDialogFooter
                processing={processing}
                submitLabel={t('funnels.builder.add')}
                submitTestId="step-submit"
              />
            </>
          )}
        </Form>
      </DialogContent>
    </Dialog>
  )
}
