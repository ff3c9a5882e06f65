import type { ReactNode } from 'react'
import { PlusIcon, XIcon } from 'lucide-react'
import { MoneyInput } from '~/components/app/money-input'
import { Button } from '~/components/ui/button'
import { Input } from '~/components/ui/input'
import { InputError } from '~/components/ui/input-error'
import { Label } from '~/components/ui/label'
import { Select } from '~/components/ui/select'
import { Textarea } from '~/components/ui/textarea'
import { useT } from '~/lib/i18n'
import type { Data } from '@generated/data'

type Step = Data.Step.Variants['inFunnel']
type StepType = Data.Step['stepType']

export type Content = Record<string, any>
type Errors = Record<string, string | undefined>

type FieldsProps = {
  content: Content
  onChange: (patch: Content) => void
  errors: Errors
  /** The other steps of the funnel, targets of next / accept / decline. */
  targets: Step[]
}

const CAPTURE_FIELDS = ['name', 'email', 'phone'] as const
const MAX_LINKS = 10

function Field({
  id,
  label,
  optional,
  error,
  hint,
  children,
}: {
  id: string
  label: string
  optional?: boolean
  error?: string
  hint?: string
  children: ReactNode
}) {
  const t = useT()
  return (
    <div className="grid gap-2">
      <Label htmlFor={id}>
        {label}
        {optional && (
          <span className="font-normal text-muted-foreground">({t('common.optional')})</span>
        )}
      </Label>
      {children}
      {hint && <p className="text-xs text-muted-foreground">{hint}</p>}
      <InputError message={error} data-test={`error-${id}`} />
    </div>
  )
}

/** A text field of the content: `content.<name>`, its error under it. */
function TextField({
  name,
  label,
  content,
  onChange,
  errors,
  optional,
  multiline,
  hint,
  placeholder,
}: Omit<FieldsProps, 'targets'> & {
  name: string
  label: string
  optional?: boolean
  multiline?: boolean
  hint?: string
  placeholder?: string
}) {
  const id = `content-${name}`
  const error = errors[`content.${name}`]
  const common = {
    id,
    'value': (content[name] as string | undefined) ?? '',
    placeholder,
    'data-test': id,
    'aria-invalid': error ? true : undefined,
  }
  return (
    <Field id={id} label={label} optional={optional} error={error} hint={hint}>
      {multiline ? (
        <Textarea {...common} rows={3} onChange={(e) => onChange({ [name]: e.target.value })} />
      ) : (
        <Input {...common} onChange={(e) => onChange({ [name]: e.target.value })} />
      )}
    </Field>
  )
}

/** Where a button leads: another step of the funnel, or the next active step by default. */
function StepTargetField({
  name,
  label,
  content,
  onChange,
  errors,
  targets,
}: FieldsProps & { name: string; label: string }) {
  const t = useT()
  const id = `content-${name}`
  const error = errors[`content.${name}`]
  const value = content[name]
  return (
    <Field id={id} label={label} error={error}>
      <Select
        id={id}
        value={typeof value === 'number' ? String(value) : ''}
        onChange={(e) => onChange({ [name]: e.target.value ? Number(e.target.value) : null })}
        data-test={id}
        aria-invalid={error ? true : undefined}
      >
        <option value="">{t('funnels.editor.next_default')}</option>
        {targets.map((step) => (
          <option key={step.id} value={step.id}>
            {step.orderIndex + 1}. {step.name}
          </option>
        ))}
      </Select>
    </Field>
  )
}

function CaptureFields(props: FieldsProps) {
  const t = useT()
  const { content, onChange, errors } = props
  const selected: string[] = Array.isArray(content.fields) ? content.fields : []
  const toggle = (field: string, on: boolean) =>
    onChange({
      fields: CAPTURE_FIELDS.filter((f) => (f === field ? on : selected.includes(f))),
    })

  return (
    <>
      <TextField {...props} name="headline" label={t('funnels.editor.headline')} />
      <TextField {...props} name="text" label={t('funnels.editor.text')} optional multiline />
      <fieldset className="grid gap-2">
        <legend className="mb-2 text-sm font-medium">{t('funnels.editor.form_fields')}</legend>
        <div className="flex flex-wrap gap-x-5 gap-y-2">
          {CAPTURE_FIELDS.map((field) => (
            <label key={field} className="flex items-center gap-2 text-sm">
              <input
                type="checkbox"
                checked={selected.includes(field)}
                onChange={(e) => toggle(field, e.target.checked)}
                className="size-4 accent-primary"
                data-test={`content-field-${field}`}
              />
              {t(`funnels.editor.form_field.${field}`)}
            </label>
          ))}
        </div>
        <InputError message={errors['content.fields']} data-test="error-content-fields" />
      </fieldset>
      <TextField {...props} name="buttonLabel" label={t('funnels.editor.button_label')} />
      <StepTargetField {...props} name="nextStepId" label={t('funnels.editor.next_step')} />
    </>
  )
}

function VslFields(props: FieldsProps) {
  const t = useT()
  const { content, onChange, errors } = props
  const delayError = errors['content.ctaDelaySeconds']
  return (
    <>
      <TextField {...props} name="headline" label={t('funnels.editor.headline')} optional />
      <TextField
        {...props}
        name="videoUrl"
        label={t('funnels.editor.video_url')}
        hint={t('funnels.editor.video_url_hint')}
        placeholder="https://www.youtube.com/watch?v=…"
      />
      <div className="grid gap-5 @md:grid-cols-2">
        <TextField {...props} name="ctaLabel" label={t('funnels.editor.button_label')} />
        <Field
          id="content-ctaDelaySeconds"
          label={t('funnels.editor.cta_delay')}
          error={delayError}
          hint={t('funnels.editor.cta_delay_hint')}
        >
          <Input
            id="content-ctaDelaySeconds"
            type="number"
            min={0}
            max={3600}
            step={1}
            inputMode="numeric"
            value={content.ctaDelaySeconds ?? ''}
            onChange={(e) =>
              onChange({
                ctaDelaySeconds: e.target.value === '' ? '' : Number(e.target.value),
              })
            }
            data-test="content-ctaDelaySeconds"
            aria-invalid={delayError ? true : undefined}
          />
        </Field>
      </div>
      <StepTargetField {...props} name="nextStepId" label={t('funnels.editor.next_step')} />
    </>
  )
}

function CheckoutFields(props: FieldsProps) {
  const t = useT()
  return (
    <>
      <TextField {...props} name="headline" label={t('funnels.editor.headline')} optional />
      <TextField {...props} name="text" label={t('funnels.editor.text')} optional multiline />
    </>
  )
}

function UpsellFields(props: FieldsProps) {
  const t = useT()
  const { content, onChange, errors } = props
  const offer: Content = content.offer ?? {}
  const setOffer = (patch: Content) => onChange({ offer: { ...offer, ...patch } })
  const offerError = (name: string) => errors[`content.offer.${name}`]

  return (
    <>
      <TextField {...props} name="headline" label={t('funnels.editor.headline')} />
      <TextField {...props} name="text" label={t('funnels.editor.text')} optional multiline />
      <fieldset className="grid gap-4 rounded-lg border p-4">
        <legend className="px-1 text-sm font-medium">{t('funnels.editor.offer')}</legend>
        <div className="grid gap-4 @md:grid-cols-[minmax(0,1fr)_9rem]">
          <Field
            id="content-offer-name"
            label={t('funnels.editor.offer_name')}
            error={offerError('name')}
          >
            <Input
              id="content-offer-name"
              value={offer.name ?? ''}
              onChange={(e) => setOffer({ name: e.target.value })}
              data-test="content-offer-name"
              aria-invalid={offerError('name') ? true : undefined}
            />
          </Field>
          <Field
            id="content-offer-price"
            label={t('funnels.editor.offer_price')}
            error={offerError('priceCents')}
          >
            <MoneyInput
              id="content-offer-price"
              cents={typeof offer.priceCents === 'number' ? offer.priceCents : 0}
              onCents={(priceCents) => setOffer({ priceCents })}
              data-test="content-offer-price"
              aria-invalid={offerError('priceCents') ? true : undefined}
            />
          </Field>
        </div>
        <Field
          id="content-offer-description"
          label={t('funnels.editor.offer_description')}
          optional
          error={offerError('description')}
        >
          <Textarea
            id="content-offer-description"
            rows={2}
            value={offer.description ?? ''}
            onChange={(e) => setOffer({ description: e.target.value })}
            data-test="content-offer-description"
          />
        </Field>
        <Field
          id="content-offer-image"
          label={t('funnels.editor.offer_image')}
          optional
          error={offerError('imageUrl')}
        >
          <Input
            id="content-offer-image"
            value={offer.imageUrl ?? ''}
            placeholder="https://…"
            onChange={(e) => setOffer({ imageUrl: e.target.value || null })}
            data-test="content-offer-image"
            aria-invalid={offerError('imageUrl') ? true : undefined}
          />
        </Field>
      </fieldset>
      <div className="grid gap-5 @md:grid-cols-2">
        <TextField {...props} name="acceptLabel" label={t('funnels.editor.accept_label')} />
        <TextField {...props} name="declineLabel" label={t('funnels.editor.decline_label')} />
      </div>
      <div className="grid gap-5 @md:grid-cols-2">
        <StepTargetField {...props} name="acceptStepId" label={t('funnels.editor.accept_step')} />
        <StepTargetField {...props} name="declineStepId" label={t('funnels.editor.decline_step')} />
      </div>
    </>
  )
}

function ThankyouFields(props: FieldsProps) {
  const t = useT()
  const { content, onChange, errors } = props
  const links: Array<{ label: string; url: string }> = Array.isArray(content.links)
    ? content.links
    : []
  const setLink = (index: number, patch: Partial<{ label: string; url: string }>) =>
    onChange({ links: links.map((link, i) => (i === index ? { ...link, ...patch } : link)) })

  return (
    <>
      <TextField {...props} name="message" label={t('funnels.editor.message')} multiline />
      <fieldset className="grid gap-3">
        <legend className="mb-2 text-sm font-medium">{t('funnels.editor.links')}</legend>
        {links.length === 0 && (
          <p className="text-sm text-muted-foreground">{t('funnels.editor.links_empty')}</p>
        )}
        {links.map((link, index) => (
          <div
            key={index}
            className="grid gap-2 @md:grid-cols-[minmax(0,1fr)_minmax(0,1.4fr)_auto]"
          >
            <div className="grid gap-1">
              <Input
                value={link.label}
                onChange={(e) => setLink(index, { label: e.target.value })}
                placeholder={t('funnels.editor.link_label')}
                aria-label={t('funnels.editor.link_label')}
                data-test={`content-link-label-${index}`}
                aria-invalid={errors[`content.links.${index}.label`] ? true : undefined}
              />
              <InputError message={errors[`content.links.${index}.label`]} />
            </div>
            <div className="grid gap-1">
              <Input
                value={link.url}
                onChange={(e) => setLink(index, { url: e.target.value })}
                placeholder="https://…"
                aria-label={t('funnels.editor.link_url')}
                data-test={`content-link-url-${index}`}
                aria-invalid={errors[`content.links.${index}.url`] ? true : undefined}
              />
              <InputError message={errors[`content.links.${index}.url`]} />
            </div>
            <Button
              variant="ghost"
              size="icon"
              onClick={() => onChange({ links: links.filter((_, i) => i !== index) })}
              aria-label={t('funnels.editor.remove_link')}
              title={t('funnels.editor.remove_link')}
            >
              <XIcon />
            </Button>
          </div>
        ))}
        <InputError message={errors['content.links']} />
        {links.length < MAX_LINKS && (
          <Button
            variant="outline"
            size="sm"
            className="w-fit"
            onClick={() => onChange({ links: [...links, { label: '', url: '' }] })}
            data-test="content-add-link"
          >
            <PlusIcon />
            {t('funnels.editor.add_link')}
          </Button>
        )}
      </fieldset>
    </>
  )
}

const FIELDS: Record<StepType, (props: FieldsProps) => ReactNode> = {
  capture: CaptureFields,
  vsl: VslFields,
  checkout: CheckoutFields,
  upsell: UpsellFields,
  thankyou: ThankyouFields,
}

/** The form fields of a step type's content (app/types/step_content.ts). */
export function StepContentFields({ type, ...props }: FieldsProps & { type: StepType }) {
  const Fields = FIELDS[type]
  return <Fields {...props} />
}
