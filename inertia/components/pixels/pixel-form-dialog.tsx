import { useState } from 'react'
import { usePage } from '@inertiajs/react'
import { ActiveToggle } from '~/components/pixels/active-toggle'
import { Field, RecordFormDialog, type FormErrors } from '~/components/app/record-form'
import type { Data } from '@generated/data'
import type { FunnelWithSteps as FunnelOption } from '#actions/visitors/visitor_rows'
import { PIXEL_TYPES } from '~/components/pixels/options'
import { Input } from '~/components/ui/input'
import { Select } from '~/components/ui/select'
import { Textarea } from '~/components/ui/textarea'
import { useT } from '~/lib/i18n'
import { urlFor } from '~/lib/client'

type PixelRow = Data.Pixel
type PixelType = Data.Pixel['pixelType']

/** The fields; type and funnel are controlled so the id hint, the snippet and the steps follow. */
function PixelFields({
  pixel,
  funnels,
  errors,
}: {
  pixel: PixelRow | null
  funnels: FunnelOption[]
  errors: FormErrors
}) {
  const t = useT()
  const [type, setType] = useState<PixelType>(pixel?.pixelType ?? 'facebook')
  const [funnelId, setFunnelId] = useState(String(pixel?.funnelId ?? funnels[0]?.id ?? ''))
  const [stepId, setStepId] = useState(pixel?.stepId ? String(pixel.stepId) : '')
  const steps = funnels.find((funnel) => String(funnel.id) === funnelId)?.steps ?? []

  return (
    <>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id="pixel-type" label={t('pixels.type')} error={errors.pixelType}>
          {(control) => (
            <Select
              {...control}
              name="pixelType"
              value={type}
              onChange={(event) => setType(event.target.value as PixelType)}
              data-test="pixel-type"
            >
              {PIXEL_TYPES.map((value) => (
                <option key={value} value={value}>
                  {t(`pixels.type.${value}`)}
                </option>
              ))}
            </Select>
          )}
        </Field>

        <Field
          id="pixel-id"
          label={type === 'custom' ? t('pixels.pixel_id.custom') : t('pixels.pixel_id')}
          error={errors.pixelId}
        >
          {(control) => (
            <Input
              {...control}
              name="pixelId"
              defaultValue={pixel?.pixelId ?? ''}
              placeholder={t(`pixels.pixel_id.placeholder.${type}`)}
              autoComplete="off"
              autoCapitalize="none"
              spellCheck={false}
              className="font-mono"
              data-test="pixel-id"
            />
          )}
        </Field>
      </div>

      <div className="grid gap-4 sm:grid-cols-2">
        <Field id="pixel-funnel" label={t('pixels.funnel')} error={errors.funnelId}>
          {(control) => (
            <Select
              {...control}
              name="funnelId"
              value={funnelId}
              onChange={(event) => {
                setFunnelId(event.target.value)
                setStepId('')
              }}
              data-test="pixel-funnel"
            >
              {funnels.map((funnel) => (
                <option key={funnel.id} value={funnel.id}>
                  {funnel.name}
                </option>
              ))}
            </Select>
          )}
        </Field>

        <Field id="pixel-step" label={t('pixels.step')} error={errors.stepId}>
          {(control) => (
            <Select
              {...control}
              name="stepId"
              value={stepId}
              onChange={(event) => setStepId(event.target.value)}
              data-test="pixel-step"
            >
              <option value="">{t('pixels.all_steps')}</option>
              {steps.map((step) => (
                <option key={step.id} value={step.id}>
                  {step.name}
                </option>
              ))}
            </Select>
          )}
        </Field>
      </div>

      <Field
        id="pixel-event"
        label={
          <>
            {t('pixels.event')}
            <span className="font-normal text-muted-foreground">({t('common.optional')})</span>
          </>
        }
        help={t('pixels.event.help')}
        error={errors.eventName}
      >
        {(control) => (
          <Input
            {...control}
            name="eventName"
            defaultValue={pixel?.eventName ?? ''}
            placeholder={t('pixels.event.placeholder')}
            autoComplete="off"
            spellCheck={false}
            data-test="pixel-event"
          />
        )}
      </Field>

      {type === 'custom' && (
        <Field
          id="pixel-snippet"
          label={t('pixels.snippet')}
          help={t('pixels.snippet.help')}
          error={errors['settings.snippet'] ?? errors.settings}
        >
          {(control) => (
            <Textarea
              {...control}
              name="settings[snippet]"
              defaultValue={pixel?.settings.snippet ?? ''}
              rows={5}
              spellCheck={false}
              placeholder={'<script async src="https://…"></script>'}
              className="max-h-64 font-mono text-xs md:text-xs"
              data-test="pixel-snippet"
            />
          )}
        </Field>
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
    <RecordFormDialog
      open={open}
      onOpenChange={onOpenChange}
      editing={pixel !== null}
      formKey={pixel?.id ?? 'new'}
      title={pixel ? t('pixels.edit') : t('pixels.new')}
      description={pixel ? t('pixels.edit.description') : t('pixels.new.description')}
      action={action}
      submitTestId="pixel-submit"
    >
      {(errors) => <PixelFields pixel={pixel} funnels={funnels} errors={errors} />}
    </RecordFormDialog>
  )
}
