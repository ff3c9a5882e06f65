import { useState } from 'react'
import { usePage } from '@inertiajs/react'
import { Form } from '@adonisjs/inertia/react'
import { FormDialogFooter } from '~/components/app/form-dialog-footer'
import { ActiveToggle } from '~/components/pixels/active-toggle'
import {
  PIXEL_TYPES,
  type FunnelOption,
  type PixelRow,
  type PixelType,
} from '~/components/pixels/types'
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogHeader,
  DialogTitle,
} from '~/components/ui/dialog'
import { Input } from '~/components/ui/input'
import { InputError } from '~/components/ui/input-error'
import { Label } from '~/components/ui/label'
import { Select } from '~/components/ui/select'
import { Textarea } from '~/components/ui/textarea'
import { useT } from '~/lib/i18n'
import { urlFor } from '~/lib/client'

/** The fields; type and funnel are controlled so the id hint, the snippet and the steps follow. */
function PixelFields({
  pixel,
  funnels,
  errors,
}: {
  pixel: PixelRow | null
  funnels: FunnelOption[]
  errors: Record<string, string | undefined>
}) {
  const t = useT()
  const [type, setType] = useState<PixelType>(pixel?.pixelType ?? 'facebook')
  const [funnelId, setFunnelId] = useState(String(pixel?.funnelId ?? funnels[0]?.id ?? ''))
  const [stepId, setStepId] = useState(pixel?.stepId ? String(pixel.stepId) : '')
  const steps = funnels.find((funnel) => String(funnel.id) === funnelId)?.steps ?? []

  return (
    <>
      <div className="grid gap-4 sm:grid-cols-2">
        <div className="grid gap-2">
          <Label htmlFor="pixel-type">{t('pixels.type')}</Label>
          <Select
            id="pixel-type"
            name="pixelType"
            value={type}
            onChange={(event) => setType(event.target.value as PixelType)}
            data-test="pixel-type"
            aria-invalid={errors.pixelType ? true : undefined}
          >
            {PIXEL_TYPES.map((value) => (
              <option key={value} value={value}>
                {t(`pixels.type.${value}`)}
              </option>
            ))}
          </Select>
          <InputError message={errors.pixelType} />
        </div>

        <div className="grid gap-2">
          <Label htmlFor="pixel-id">
            {type === 'custom' ? t('pixels.pixel_id.custom') : t('pixels.pixel_id')}
          </Label>
          <Input
            id="pixel-id"
            name="pixelId"
            defaultValue={pixel?.pixelId ?? ''}
            placeholder={t(`pixels.pixel_id.placeholder.${type}`)}
            autoComplete="off"
            autoCapitalize="none"
            spellCheck={false}
            className="font-mono"
            data-test="pixel-id"
            aria-invalid={errors.pixelId ? true : undefined}
            aria-describedby={errors.pixelId ? 'pixel-id-error' : undefined}
          />
          <InputError id="pixel-id-error" message={errors.pixelId} />
        </div>
      </div>

      <div className="grid gap-4 sm:grid-cols-2">
        <div className="grid gap-2">
          <Label htmlFor="pixel-funnel">{t('pixels.funnel')}</Label>
          <Select
            id="pixel-funnel"
            name="funnelId"
            value={funnelId}
            onChange={(event) => {
              setFunnelId(event.target.value)
              setStepId('')
            }}
            data-test="pixel-funnel"
            aria-invalid={errors.funnelId ? true : undefined}
          >
            {funnels.map((funnel) => (
              <option key={funnel.id} value={funnel.id}>
                {funnel.name}
              </option>
            ))}
          </Select>
          <InputError message={errors.funnelId} />
        </div>

        <div className="grid gap-2">
          <Label htmlFor="pixel-step">{t('pixels.step')}</Label>
          <Select
            id="pixel-step"
            name="stepId"
            value={stepId}
            onChange={(event) => setStepId(event.target.value)}
            data-test="pixel-step"
            aria-invalid={errors.stepId ? true : undefined}
          >
            <option value="">{t('pixels.all_steps')}</option>
            {steps.map((step) => (
              <option key={step.id} value={step.id}>
                {step.name}
              </option>
            ))}
          </Select>
          <InputError message={errors.stepId} />
        </div>
      </div>

      <div className="grid gap-2">
        <Label htmlFor="pixel-event">
          {t('pixels.event')}
          <span className="font-normal text-muted-foreground">({t('common.optional')})</span>
        </Label>
        <Input
          id="pixel-event"
          name="eventName"
          defaultValue={pixel?.eventName ?? ''}
          placeholder={t('pixels.event.placeholder')}
          autoComplete="off"
          spellCheck={false}
          data-test="pixel-event"
          aria-invalid={errors.eventName ? true : undefined}
          aria-describedby="pixel-event-help"
        />
        <p id="pixel-event-help" className="text-sm text-muted-foreground">
          {t('pixels.event.help')}
        </p>
        <InputError message={errors.eventName} />
      </div>

      {type === 'custom' && (
        <div className="grid gap-2">
          <Label htmlFor="pixel-snippet">{t('pixels.snippet')}</Label>
          <Textarea
            id="pixel-snippet"
            name="settings[snippet]"
            defaultValue={pixel?.settings.snippet ?? ''}
            rows={5}
            spellCheck={false}
            placeholder={'<script async src="https://…"></script>'}
            className="max-h-64 font-mono text-xs md:text-xs"
            data-test="pixel-snippet"
            aria-invalid={errors['settings.snippet'] ? true : undefined}
            aria-describedby="pixel-snippet-help"
          />
          <p id="pixel-snippet-help" className="text-sm text-muted-foreground">
            {t('pixels.snippet.help')}
          </p>
          <InputError message={errors['settings.snippet'] ?? errors.settings} />
        </div>
      )}

      <ActiveToggle
        id="pixel-active"
        defaultChecked={pixel?.isActive ?? true}
        label={t('pixels.active')}
        help={t('pixels.active.help')}
        test="pixel-active"
      />
    </>
  )
}

/** Create (no pixel) or edit a pixel; the dialog closes once the server accepts it. */
export function PixelFormDialog({
  pixel,
  funnels,
  open,
  onOpenChange,
}: {
  pixel: PixelRow | null
  funnels: FunnelOption[]
  open: boolean
  onOpenChange: (open: boolean) => void
}) {
  const t = useT()
  const { workspace } = usePage().props
  if (!workspace) return null
  const action = pixel
    ? urlFor('w.pixels.update', { workspaceSlug: workspace.slug, id: pixel.id })
    : urlFor('w.pixels.store', { workspaceSlug: workspace.slug })

  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent closeLabel={t('common.close')} className="sm:max-w-xl">
        <DialogHeader>
          <DialogTitle>{pixel ? t('pixels.edit') : t('pixels.new')}</DialogTitle>
          <DialogDescription>
            {pixel ? t('pixels.edit.description') : t('pixels.new.description')}
          </DialogDescription>
        </DialogHeader>

        <Form
          key={pixel?.id ?? 'new'}
          action={action}
          method={pixel ? 'put' : 'post'}
          options={{ preserveScroll: true }}
          onSuccess={() => onOpenChange(false)}
          className="grid gap-5"
        >
          {({ errors, processing }) => (
            <>
              <PixelFields pixel={pixel} funnels={funnels} errors={errors} />
              <FormDialogFooter
                processing={processing}
                submitLabel={pixel ? t('common.save') : t('common.create')}
                submitTestId="pixel-submit"
              />
            </>
          )}
        </Form>
      </DialogContent>
    </Dialog>
  )
}
