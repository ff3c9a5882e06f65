import { useMemo, useState, type FormEvent, type ReactNode } from 'react'
import { useForm, usePage } from '@inertiajs/react'
import { SaveFailure } from '~/components/app/save-failure'
import { useSaveFailure, useWarnBeforeLeaving } from '~/hooks/use_save_guard'
import { Link } from '@adonisjs/inertia/react'
import { ArrowLeftIcon, LoaderCircleIcon, LockIcon } from 'lucide-react'
import { PageHeader } from '~/components/app/page-header'
import { GatewayHealthBanner } from '~/components/app/gateway-health-banner'
import { Button } from '~/components/ui/button'
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '~/components/ui/card'
import { Input } from '~/components/ui/input'
import { Select } from '~/components/ui/select'
import { Textarea } from '~/components/ui/textarea'
import { useT } from '~/lib/i18n'
import { CheckoutPreview } from '~/components/checkout/checkout-preview'
import { ColorInput } from '~/components/checkout/color-field'
import { describedBy, Field } from '~/components/checkout/field'
import { MoneyInput } from '~/components/app/money-input'
import { OrderBumpsFields } from '~/components/checkout/order-bumps-fields'
import { TestimonialsFields } from '~/components/checkout/testimonials-fields'
import {
  formErrorKey,
  isRowField,
  missingRowFields,
  rowFieldKey,
  toForm,
  toPayload,
  toPreviewPayload,
  type CheckoutConfig,
  type CheckoutForm,
  type FieldsConfig,
} from '~/components/checkout/form'

type Props = {
  funnel: { id: number; name: string; slug: string; url: string }
  step: { id: number; name: string; slug: string; version: number }
  checkoutConfig: CheckoutConfig
  upsellOptions: Array<{ id: number; name: string; stepType: string }>
  urls: { save: string; preview: string; savedPreview: string }
}

const BUYER_FIELDS: Array<keyof FieldsConfig> = ['name', 'email', 'phone', 'cpf']

function Section({
  title,
  description,
  children,
}: {
  title: string
  description: string
  children: ReactNode
}) {
  return (
    <Card className="gap-5">
      <CardHeader>
        <CardTitle>{title}</CardTitle>
        <CardDescription>{description}</CardDescription>
      </CardHeader>
      <CardContent className="grid grid-cols-1 gap-5">{children}</CardContent>
    </Card>
  )
}

/**
 * The checkout editor: what the step sells and how its page looks, with a live preview of the
 * unsaved values beside the form. Viewers see the same form, read-only, and the saved preview.
 */
export default function CheckoutEdit({ funnel, step, checkoutConfig, upsellOptions, urls }: Props) {
  const t = useT()
  const { workspace } = usePage().props
  const canWrite = workspace?.can.write ?? false
  const form = useForm<CheckoutForm>(() => toForm(checkoutConfig))
  const [previewErrors, setPreviewErrors] = useState<Record<string, string>>({})
  /**
   * Row fields (order bumps, testimonials) the user has left (blur) and whether a save was
   * tried: a row's errors show only then, never on "Adicionar" before anything was typed.
   */
  const [touched, setTouched] = useState<ReadonlySet<string>>(() => new Set())
  const [submitted, setSubmitted] = useState(false)
  const payload = useMemo(() => toPreviewPayload(form.data), [form.data])
  /** A refused save (expired session, stale page, 5xx, offline) keeps the form dirty. */
  const saveFailure = useSaveFailure()
  useWarnBeforeLeaving(canWrite && form.isDirty)

  /** Errors of the last save and of the live preview, keyed like the form's fields. */
  const errors = useMemo(() => {
    const all: Record<string, string> = {}
    const visible = (field: string) => !isRowField(field) || submitted || touched.has(field)
    for (const [field, message] of Object.entries(previewErrors)) {
      if (message && visible(field)) all[formErrorKey(field)] = message
    }
    /** Rows the preview leaves out are judged here, with the same rules, once touched. */
    for (const field of missingRowFields(form.data)) {
      if (visible(field)) {
        all[field] = t(
          field.endsWith('priceCents') ? 'checkout.row.price' : 'checkout.row.required'
        )
      }
    }
    for (const [field, message] of Object.entries(form.errors as Record<string, string>)) {
      if (message) all[formErrorKey(field)] = message
    }
    return all
  }, [form.errors, form.data, previewErrors, touched, submitted, t])

  const set = <K extends keyof CheckoutForm>(key: K, value: CheckoutForm[K]) =>
    form.setData((data) => ({ ...data, [key]: value }))

  /** A removed row shifts the ones after it: their touched state no longer fits, start over. */
  const setRows = <K extends 'orderBumps' | 'testimonials'>(key: K, rows: CheckoutForm[K]) => {
    if (rows.length < form.data[key].length) {
      setTouched((old) => new Set([...old].filter((field) => !field.startsWith(`${key}.`))))
    }
    set(key, rows)
  }

  const touch = (id: string) => {
    const key = rowFieldKey(id)
    if (key && !touched.has(key)) setTouched((old) => new Set(old).add(key))
  }

  const onPreviewValidation = (found: Record<string, string> | null) => {
    /** The preview validates exactly like a save: its verdict replaces older save errors. */
    form.clearErrors()
    setPreviewErrors(found ?? {})
  }

  const save = (event: FormEvent) => {
    event.preventDefault()
    setSubmitted(true)
    form.transform((data) => toPayload(data))
    /** On success the form takes the saved values as its new defaults (isDirty → false). */
    form.put(urls.save, {
      preserveScroll: true,
      ...saveFailure.callbacks,
      onSuccess: () => {
        setPreviewErrors({})
        setSubmitted(false)
        setTouched(new Set())
      },
    })
  }

  return (
    <>
      <GatewayHealthBanner />
      <PageHeader
        title={t('checkout.title', { step: step.name })}
        description={t('checkout.subtitle', { funnel: funnel.name })}
        actions={
          <Button asChild variant="outline" size="sm">
            <Link href={funnel.url} data-test="checkout-back">
              <ArrowLeftIcon />
              {t('checkout.back')}
            </Link>
          </Button>
        }
      />

      <div className="grid grid-cols-1 items-start gap-6 lg:grid-cols-[minmax(0,1fr)_minmax(300px,390px)]">
        <form
          onSubmit={save}
          onBlurCapture={(event) => touch((event.target as HTMLElement).id)}
          className="flex min-w-0 flex-col gap-6"
          noValidate
        >
          {!canWrite && (
            <p className="flex items-center gap-2 rounded-md bg-muted px-3 py-2 text-sm text-muted-foreground">
              <LockIcon className="size-4 shrink-0" />
              {t('checkout.read_only')}
            </p>
          )}

          <fieldset disabled={!canWrite} className="flex min-w-0 flex-col gap-6">
            <Section title={t('checkout.product')} description={t('checkout.product.description')}>
              <div className="grid gap-5 sm:grid-cols-[minmax(0,1fr)_12rem]">
                <Field
                  id="checkout-product-name"
                  label={t('checkout.product_name')}
                  error={errors.productName}
                >
                  <Input
                    id="checkout-product-name"
                    value={form.data.productName}
                    onChange={(event) => set('productName', event.target.value)}
                    placeholder={t('checkout.product_name.placeholder')}
                    maxLength={255}
                    data-test="checkout-product-name"
                    {...describedBy('checkout-product-name', errors.productName)}
                  />
                </Field>
                <Field
                  id="checkout-price"
                  label={t('checkout.price')}
                  help={t('checkout.price.help')}
                  error={errors.productPriceCents}
                >
                  <MoneyInput
                    id="checkout-price"
                    cents={form.data.productPriceCents}
                    onCents={(cents) => set('productPriceCents', cents)}
                    data-test="checkout-price"
                    {...describedBy('checkout-price', errors.productPriceCents, true)}
                  />
                </Field>
              </div>
            </Section>

            <Section title={t('checkout.fields')} description={t('checkout.fields.description')}>
              <div className="grid gap-3 sm:grid-cols-2">
                {BUYER_FIELDS.map((field) => (
                  <label
                    key={field}
                    className="flex cursor-pointer items-center gap-3 rounded-lg border px-3 py-2.5 text-sm font-medium has-[:checked]:border-primary has-[:checked]:bg-accent/60 has-[:disabled]:cursor-not-allowed"
                  >
                    <input
                      type="checkbox"
                      className="size-4 accent-primary"
                      checked={form.data.fieldsConfig[field]}
                      onChange={(event) =>
                        set('fieldsConfig', {
                          ...form.data.fieldsConfig,
                          [field]: event.target.checked,
                        })
                      }
                      data-test={`checkout-field-${field}`}
                    />
                    {t(`checkout.fields.${field}`)}
                  </label>
                ))}
              </div>
            </Section>

            <Section title={t('checkout.design')} description={t('checkout.design.description')}>
              <div className="grid gap-5 sm:grid-cols-2">
                <Field
                  id="checkout-primary-color"
                  label={t('checkout.primary_color')}
                  error={errors.primaryColor}
                >
                  <ColorInput
                    id="checkout-primary-color"
                    label={t('checkout.primary_color')}
                    value={form.data.primaryColor}
                    onChange={(value) => set('primaryColor', value)}
                    invalid={!!errors.primaryColor}
                    describedBy={errors.primaryColor ? 'checkout-primary-color-error' : undefined}
                    disabled={!canWrite}
                  />
                </Field>
                <Field
                  id="checkout-background-color"
                  label={t('checkout.background_color')}
                  error={errors.backgroundColor}
                >
                  <ColorInput
                    id="checkout-background-color"
                    label={t('checkout.background_color')}
                    value={form.data.backgroundColor}
                    onChange={(value) => set('backgroundColor', value)}
                    invalid={!!errors.backgroundColor}
                    describedBy={
                      errors.backgroundColor ? 'checkout-background-color-error' : undefined
                    }
                    disabled={!canWrite}
                  />
                </Field>
              </div>
              <Field id="checkout-logo-url" label={t('checkout.logo_url')} error={errors.logoUrl}>
                <Input
                  id="checkout-logo-url"
                  type="url"
                  inputMode="url"
                  value={form.data.logoUrl}
                  onChange={(event) => set('logoUrl', event.target.value)}
                  placeholder={t('checkout.logo_url.placeholder')}
                  data-test="checkout-logo-url"
                  {...describedBy('checkout-logo-url', errors.logoUrl)}
                />
              </Field>
              <Field
                id="checkout-countdown"
                label={t('checkout.countdown')}
                help={t('checkout.countdown.help')}
                error={errors.countdownMinutes}
                className="sm:max-w-56"
              >
                <Input
                  id="checkout-countdown"
                  type="number"
                  inputMode="numeric"
                  min={0}
                  max={240}
                  step={1}
                  value={form.data.countdownMinutes}
                  onChange={(event) => set('countdownMinutes', event.target.value)}
                  data-test="checkout-countdown"
                  {...describedBy('checkout-countdown', errors.countdownMinutes, true)}
                />
              </Field>
            </Section>

            <Section title={t('checkout.trust')} description={t('checkout.trust.description')}>
              <Field
                id="checkout-guarantee"
                label={t('checkout.guarantee')}
                error={errors.guaranteeText}
              >
                <Textarea
                  id="checkout-guarantee"
                  value={form.data.guaranteeText}
                  onChange={(event) => set('guaranteeText', event.target.value)}
                  placeholder={t('checkout.guarantee.placeholder')}
                  maxLength={1000}
                  rows={2}
                  data-test="checkout-guarantee"
                  {...describedBy('checkout-guarantee', errors.guaranteeText)}
                />
              </Field>
              <div className="grid gap-3">
                <h3 className="text-sm font-medium">{t('checkout.testimonials')}</h3>
                <TestimonialsFields
                  testimonials={form.data.testimonials}
                  onChange={(testimonials) => setRows('testimonials', testimonials)}
                  errors={errors}
                  disabled={!canWrite}
                />
              </div>
            </Section>

            <Section title={t('checkout.bumps')} description={t('checkout.bumps.description')}>
              <OrderBumpsFields
                bumps={form.data.orderBumps}
                onChange={(bumps) => setRows('orderBumps', bumps)}
                errors={errors}
                disabled={!canWrite}
              />
            </Section>

            <Section title={t('checkout.upsell')} description={t('checkout.upsell.description')}>
              <Field
                id="checkout-upsell-step"
                label={t('checkout.upsell_step')}
                error={errors.upsellStepId}
                className="sm:max-w-sm"
              >
                <Select
                  id="checkout-upsell-step"
                  value={form.data.upsellStepId}
                  onChange={(event) => set('upsellStepId', event.target.value)}
                  data-test="checkout-upsell-step"
                  {...describedBy('checkout-upsell-step', errors.upsellStepId)}
                >
                  <option value="">{t('checkout.upsell_step.next')}</option>
                  {upsellOptions.map((option) => (
                    <option key={option.id} value={String(option.id)}>
                      {option.name} · {t(`checkout.step_types.${option.stepType}`)}
                    </option>
                  ))}
                </Select>
              </Field>
            </Section>
          </fieldset>

          {canWrite && (
            <div className="sticky bottom-0 z-20 -mx-1 flex items-center justify-end gap-3 border-t bg-background/95 px-1 py-3 backdrop-blur supports-[backdrop-filter]:bg-background/80">
              {saveFailure.failure ? (
                <SaveFailure message={saveFailure.failure} disabled={form.processing} />
              ) : (
                <span className="mr-auto text-sm text-muted-foreground" data-test="checkout-dirty">
                  {form.isDirty
                    ? t('checkout.unsaved')
                    : checkoutConfig.exists
                      ? t('checkout.all_saved')
                      : t('checkout.never_saved')}
                </span>
              )}
              <Button type="submit" disabled={form.processing} data-test="checkout-save">
                {form.processing && <LoaderCircleIcon className="animate-spin" />}
                {t('common.save')}
              </Button>
            </div>
          )}
        </form>

        <aside
          className="flex flex-col gap-2 lg:sticky lg:top-6"
          aria-label={t('checkout.preview')}
        >
          <h2 className="text-sm font-semibold">{t('checkout.preview')}</h2>
          <CheckoutPreview
            payload={payload}
            previewUrl={urls.preview}
            savedUrl={urls.savedPreview}
            live={canWrite}
            onValidation={onPreviewValidation}
          />
        </aside>
      </div>
    </>
  )
}
