import { usePage } from '@inertiajs/react'
import { Form } from '@adonisjs/inertia/react'
import { useState } from 'react'
import { FormDialogFooter } from '~/components/app/form-dialog-footer'
import { MoneyInput } from '~/components/app/money-input'
import { ActiveToggle } from '~/components/pixels/active-toggle'
import type { CouponRow, FunnelOption } from '~/components/coupons/types'
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
import { useT } from '~/lib/i18n'
import { urlFor } from '~/lib/client'

type Errors = Record<string, string | undefined>

/** `2026-12-31T23:59` in the browser's time zone, as `<input type="datetime-local">` wants it. */
function localInputValue(iso: string | null) {
  if (!iso) return ''
  const date = new Date(iso)
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`
}

/** The funnels the coupon is restricted to, submitted as `funnelIds[]` (none = every funnel). */
function FunnelCheckboxes({
  funnels,
  checked,
  errors,
}: {
  funnels: FunnelOption[]
  checked: number[]
  errors: Errors
}) {
  const t = useT()
  if (funnels.length === 0) return null
  const error =
    errors.funnelIds ??
    Object.entries(errors).find(([field]) => field.startsWith('funnelIds.'))?.[1] ??
    undefined
  return (
    <fieldset className="grid gap-2" aria-describedby="coupon-funnels-help">
      <legend className="mb-2 text-sm leading-none font-medium">{t('coupons.funnels')}</legend>
      <div className="grid max-h-40 gap-2 overflow-y-auto sm:grid-cols-2">
        {funnels.map((funnel) => (
          <label
            key={funnel.id}
            className="flex items-center gap-3 rounded-md border px-3 py-2 text-sm has-checked:border-primary"
          >
            <input
              type="checkbox"
              name="funnelIds[]"
              value={funnel.id}
              defaultChecked={checked.includes(funnel.id)}
              className="size-4 shrink-0 accent-primary"
              data-test={`coupon-funnel-${funnel.id}`}
            />
            <span className="truncate">{funnel.name}</span>
          </label>
        ))}
      </div>
      <p id="coupon-funnels-help" className="text-sm text-muted-foreground">
        {t('coupons.funnels.help')}
      </p>
      <InputError message={error} />
    </fieldset>
  )
}

/** A labelled whole-number input that may stay empty (no limit). */
function LimitInput({
  id,
  name,
  label,
  help,
  defaultValue,
  error,
}: {
  id: string
  name: string
  label: string
  help?: string
  defaultValue: number | null
  error?: string
}) {
  const t = useT()
  return (
    <div className="grid gap-2">
      <Label htmlFor={id}>{label}</Label>
      <Input
        id={id}
        name={name}
        type="number"
        inputMode="numeric"
        min={1}
        step={1}
        defaultValue={defaultValue ?? ''}
        placeholder={t('coupons.unlimited')}
        data-test={id}
        aria-invalid={error ? true : undefined}
        aria-describedby={help ? `${id}-help` : undefined}
      />
      {help && (
        <p id={`${id}-help`} className="text-sm text-muted-foreground">
          {help}
        </p>
      )}
      <InputError message={error} />
    </div>
  )
}

/**
 * Create (no coupon) or edit a coupon; the dialog closes once the server accepts it. Money is
 * typed in reais and sent as integer cents; the expiry is typed in the browser's time zone and
 * sent as an ISO instant.
 */
export function CouponFormDialog({
  coupon,
  funnels,
  open,
  onOpenChange,
}: {
  coupon: CouponRow | null
  funnels: FunnelOption[]
  open: boolean
  onOpenChange: (open: boolean) => void
}) {
  const t = useT()
  const { workspace } = usePage().props
  const [type, setType] = useState<'percent' | 'fixed'>(coupon?.discountType ?? 'percent')
  const [amountOff, setAmountOff] = useState(coupon?.amountOffCents ?? 0)
  const [minOrder, setMinOrder] = useState(coupon?.minOrderCents ?? 0)
  const [expires, setExpires] = useState(localInputValue(coupon?.expiresAt ?? null))
  if (!workspace) return null
  const action = coupon
    ? urlFor('w.coupons.update', { workspaceSlug: workspace.slug, id: coupon.id })
    : urlFor('w.coupons.store', { workspaceSlug: workspace.slug })
  const expiresIso =
    expires && !Number.isNaN(Date.parse(expires)) ? new Date(expires).toISOString() : ''

  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent closeLabel={t('common.close')} className="sm:max-w-xl">
        <DialogHeader>
          <DialogTitle>{coupon ? t('coupons.edit') : t('coupons.new')}</DialogTitle>
          <DialogDescription>
            {coupon ? t('coupons.edit.description') : t('coupons.new.description')}
          </DialogDescription>
        </DialogHeader>

        <Form
          key={coupon?.id ?? 'new'}
          action={action}
          method={coupon ? 'put' : 'post'}
          options={{ preserveScroll: true }}
          onSuccess={() => onOpenChange(false)}
          className="grid max-h-[70vh] gap-5 overflow-y-auto px-1"
        >
          {({ errors, processing }) => (
            <>
              <div className="grid gap-4 sm:grid-cols-2">
                <div className="grid gap-2">
                  <Label htmlFor="coupon-code">{t('coupons.code')}</Label>
                  <Input
                    id="coupon-code"
                    name="code"
                    defaultValue={coupon?.code ?? ''}
                    placeholder="BLACK10"
                    autoComplete="off"
                    autoCapitalize="characters"
                    spellCheck={false}
                    className="font-mono uppercase"
                    data-test="coupon-code"
                    aria-invalid={errors.code ? true : undefined}
                    aria-describedby="coupon-code-help"
                  />
                  <p id="coupon-code-help" className="text-sm text-muted-foreground">
                    {t('coupons.code.help')}
                  </p>
                  <InputError message={errors.code} />
                </div>
                <div className="grid content-start gap-2">
                  <Label htmlFor="coupon-description">{t('coupons.description')}</Label>
                  <Input
                    id="coupon-description"
                    name="description"
                    defaultValue={coupon?.description ?? ''}
                    placeholder={t('coupons.description.placeholder')}
                    data-test="coupon-description"
                  />
                  <InputError message={errors.description} />
                </div>
              </div>

              <fieldset className="grid gap-3">
                <legend className="mb-2 text-sm leading-none font-medium">
                  {t('coupons.type')}
                </legend>
                <div className="flex flex-wrap gap-2">
                  {(['percent', 'fixed'] as const).map((value) => (
                    <label
                      key={value}
                      className="flex items-center gap-2 rounded-md border px-3 py-2 text-sm has-checked:border-primary"
                    >
                      <input
                        type="radio"
                        name="discountType"
                        value={value}
                        checked={type === value}
                        onChange={() => setType(value)}
                        className="size-4 accent-primary"
                        data-test={`coupon-type-${value}`}
                      />
                      {t(`coupons.type.${value}`)}
                    </label>
                  ))}
                </div>
                {type === 'percent' ? (
                  <div className="grid gap-2 sm:max-w-48">
                    <Label htmlFor="coupon-percent">{t('coupons.percent_off')}</Label>
                    <Input
                      id="coupon-percent"
                      name="percentOff"
                      type="number"
                      inputMode="numeric"
                      min={1}
                      max={99}
                      step={1}
                      defaultValue={coupon?.percentOff ?? ''}
                      data-test="coupon-percent"
                      aria-invalid={errors.percentOff ? true : undefined}
                      aria-describedby="coupon-percent-help"
                    />
                    <p id="coupon-percent-help" className="text-sm text-muted-foreground">
                      {t('coupons.percent_off.help')}
                    </p>
                    <InputError message={errors.percentOff} />
                  </div>
                ) : (
                  <div className="grid gap-2 sm:max-w-48">
                    <Label htmlFor="coupon-amount">{t('coupons.amount_off')}</Label>
                    <input type="hidden" name="amountOffCents" value={amountOff || ''} />
                    <MoneyInput
                      id="coupon-amount"
                      cents={amountOff}
                      onCents={setAmountOff}
                      data-test="coupon-amount"
                      aria-invalid={errors.amountOffCents ? true : undefined}
                      aria-describedby="coupon-amount-help"
                    />
                    <p id="coupon-amount-help" className="text-sm text-muted-foreground">
                      {t('coupons.amount_off.help')}
                    </p>
                    <InputError message={errors.amountOffCents} />
                  </div>
                )}
              </fieldset>

              <fieldset className="grid gap-4">
                <legend className="mb-2 text-sm leading-none font-medium">
                  {t('coupons.limits')}
                </legend>
                <div className="grid gap-4 sm:grid-cols-2">
                  <LimitInput
                    id="coupon-max-uses"
                    name="maxUses"
                    label={t('coupons.max_uses')}
                    defaultValue={coupon?.maxUses ?? null}
                    error={errors.maxUses}
                  />
                  <LimitInput
                    id="coupon-max-per-buyer"
                    name="maxUsesPerBuyer"
                    label={t('coupons.max_uses_per_buyer')}
                    help={t('coupons.max_uses_per_buyer.help')}
                    defaultValue={coupon?.maxUsesPerBuyer ?? null}
                    error={errors.maxUsesPerBuyer}
                  />
                  <div className="grid content-start gap-2">
                    <Label htmlFor="coupon-min-order">{t('coupons.min_order')}</Label>
                    <input type="hidden" name="minOrderCents" value={minOrder || ''} />
                    <MoneyInput
                      id="coupon-min-order"
                      cents={minOrder}
                      onCents={setMinOrder}
                      data-test="coupon-min-order"
                      aria-invalid={errors.minOrderCents ? true : undefined}
                    />
                    <InputError message={errors.minOrderCents} />
                  </div>
                  <div className="grid content-start gap-2">
                    <Label htmlFor="coupon-expires">{t('coupons.expires_at')}</Label>
                    <input type="hidden" name="expiresAt" value={expiresIso} />
                    <Input
                      id="coupon-expires"
                      type="datetime-local"
                      value={expires}
                      onChange={(event) => setExpires(event.target.value)}
                      data-test="coupon-expires"
                      aria-invalid={errors.expiresAt ? true : undefined}
                    />
                    <InputError message={errors.expiresAt} />
                  </div>
                </div>
              </fieldset>

              <FunnelCheckboxes
                funnels={funnels}
                checked={coupon?.funnels.map((funnel) => funnel.id) ?? []}
                errors={errors}
              />

              <ActiveToggle
                id="coupon-active"
                defaultChecked={coupon?.isActive ?? true}
                label={t('coupons.active.label')}
                help={t('coupons.active.help')}
                test="coupon-active"
              />

              <FormDialogFooter
                processing={processing}
                submitLabel={coupon ? t('common.save') : t('common.create')}
                submitTestId="coupon-submit"
              />
            </>
          )}
        </Form>
      </DialogContent>
    </Dialog>
  )
}
