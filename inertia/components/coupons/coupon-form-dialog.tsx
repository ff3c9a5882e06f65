import { usePage } from '@inertiajs/react'
import { useState } from 'react'
import { CheckboxGroup, Field, RecordFormDialog } from '~/components/app/record-form'
import { MoneyInput } from '~/components/app/money-input'
import { ActiveToggle } from '~/components/pixels/active-toggle'
import type { Data } from '@generated/data'
import type { FunnelOption } from '#controllers/admin/coupons_controller'
import { Input } from '~/components/ui/input'
import { useT } from '~/lib/i18n'
import { urlFor } from '~/lib/client'

type CouponRow = Data.Coupon

/** `2026-12-31T23:59` in the browser's time zone, as `<input type="datetime-local">` wants it. */
function localInputValue(iso: string | null) {
  if (!iso) return ''
  const date = new Date(iso)
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`
}

/** A whole-number input that may stay empty (no limit). */
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
    <Field id={id} label={label} help={help} error={error}>
      {(control) => (
        <Input
          {...control}
          name={name}
          type="number"
          inputMode="numeric"
          min={1}
          step={1}
          defaultValue={defaultValue ?? ''}
          placeholder={t('coupons.unlimited')}
          data-test={id}
        />
      )}
    </Field>
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
    <RecordFormDialog
      open={open}
      onOpenChange={onOpenChange}
      editing={coupon !== null}
      formKey={coupon?.id ?? 'new'}
      title={coupon ? t('coupons.edit') : t('coupons.new')}
      description={coupon ? t('coupons.edit.description') : t('coupons.new.description')}
      action={action}
      submitTestId="coupon-submit"
      formClassName="max-h-[70vh] overflow-y-auto px-1"
    >
      {(errors) => (
        <>
          <div className="grid gap-4 sm:grid-cols-2">
            <Field
              id="coupon-code"
              label={t('coupons.code')}
              help={t('coupons.code.help')}
              error={errors.code}
            >
              {(control) => (
                <Input
                  {...control}
                  name="code"
                  defaultValue={coupon?.code ?? ''}
                  placeholder="BLACK10"
                  autoComplete="off"
                  autoCapitalize="characters"
                  spellCheck={false}
                  className="font-mono uppercase"
                  data-test="coupon-code"
                />
              )}
            </Field>
            <Field
              id="coupon-description"
              label={t('coupons.description')}
              error={errors.description}
              className="content-start"
            >
              {(control) => (
                <Input
                  {...control}
                  name="description"
                  defaultValue={coupon?.description ?? ''}
                  placeholder={t('coupons.description.placeholder')}
                  data-test="coupon-description"
                />
              )}
            </Field>
          </div>

          <fieldset className="grid gap-3">
            <legend className="mb-2 text-sm leading-none font-medium">{t('coupons.type')}</legend>
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
              <Field
                id="coupon-percent"
                label={t('coupons.percent_off')}
                help={t('coupons.percent_off.help')}
                error={errors.percentOff}
                className="sm:max-w-48"
              >
                {(control) => (
                  <Input
                    {...control}
                    name="percentOff"
                    type="number"
                    inputMode="numeric"
                    min={1}
                    max={99}
                    step={1}
                    defaultValue={coupon?.percentOff ?? ''}
                    data-test="coupon-percent"
                  />
                )}
              </Field>
            ) : (
              <Field
                id="coupon-amount"
                label={t('coupons.amount_off')}
                help={t('coupons.amount_off.help')}
                error={errors.amountOffCents}
                className="sm:max-w-48"
              >
                {(control) => (
                  <>
                    <input type="hidden" name="amountOffCents" value={amountOff || ''} />
                    <MoneyInput
                      {...control}
                      cents={amountOff}
                      onCents={setAmountOff}
                      data-test="coupon-amount"
                    />
                  </>
                )}
              </Field>
            )}
          </fieldset>

          <fieldset className="grid gap-4">
            <legend className="mb-2 text-sm leading-none font-medium">{t('coupons.limits')}</legend>
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
              <Field
                id="coupon-min-order"
                label={t('coupons.min_order')}
                error={errors.minOrderCents}
                className="content-start"
              >
                {(control) => (
                  <>
                    <input type="hidden" name="minOrderCents" value={minOrder || ''} />
                    <MoneyInput
                      {...control}
                      cents={minOrder}
                      onCents={setMinOrder}
                      data-test="coupon-min-order"
                    />
                  </>
                )}
              </Field>
              <Field
                id="coupon-expires"
                label={t('coupons.expires_at')}
                error={errors.expiresAt}
                className="content-start"
              >
                {(control) => (
                  <>
                    <input type="hidden" name="expiresAt" value={expiresIso} />
                    <Input
                      {...control}
                      type="datetime-local"
                      value={expires}
                      onChange={(event) => setExpires(event.target.value)}
                      data-test="coupon-expires"
                    />
                  </>
                )}
              </Field>
            </div>
          </fieldset>

          {funnels.length > 0 && (
            <CheckboxGroup
              id="coupon-funnels"
              name="funnelIds"
              legend={t('coupons.funnels')}
              help={t('coupons.funnels.help')}
              options={funnels.map((funnel) => ({
                value: funnel.id,
                test: `coupon-funnel-${funnel.id}`,
                label: <span className="truncate">{funnel.name}</span>,
              }))}
              checked={coupon?.funnels.map((funnel) => funnel.id) ?? []}
              errors={errors}
              className="max-h-40 overflow-y-auto"
            />
          )}

          <ActiveToggle
            id="coupon-active"
            defaultChecked={coupon?.isActive ?? true}
            label={t('coupons.active.label')}
            help={t('coupons.active.help')}
            test="coupon-active"
          />
        </>
      )}
    </RecordFormDialog>
  )
}
