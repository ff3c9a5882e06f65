import { PlusIcon, Trash2Icon } from 'lucide-react'
import { Button } from '~/components/ui/button'
import { Input } from '~/components/ui/input'
import { InputError } from '~/components/ui/input-error'
import { Textarea } from '~/components/ui/textarea'
import { useT } from '~/lib/i18n'
import { describedBy, Field } from '~/components/checkout/field'
import { MoneyInput } from '~/components/checkout/money-input'
import { MAX_ORDER_BUMPS, type CheckoutForm } from '~/components/checkout/form'

type Bump = CheckoutForm['orderBumps'][number]

/** The order bumps: extra offers the buyer ticks before paying, up to five. */
export function OrderBumpsFields({
  bumps,
  onChange,
  errors,
  disabled,
}: {
  bumps: Bump[]
  onChange: (bumps: Bump[]) => void
  errors: Record<string, string>
  disabled: boolean
}) {
  const t = useT()
  const update = (index: number, patch: Partial<Bump>) =>
    onChange(bumps.map((bump, i) => (i === index ? { ...bump, ...patch } : bump)))

  return (
    <div className="flex flex-col gap-4">
      {bumps.length === 0 && (
        <p className="rounded-lg border border-dashed px-4 py-6 text-center text-sm text-muted-foreground">
          {t('checkout.bumps.empty')}
        </p>
      )}

      {bumps.map((bump, index) => {
        const key = (field: string) => `orderBumps.${index}.${field}`
        const id = (field: string) => `bump-${index}-${field}`
        return (
          <div
            key={index}
            role="group"
            aria-labelledby={id('title')}
            className="grid gap-4 rounded-lg border bg-muted/30 p-4"
            data-test={`bump-${index}`}
          >
            <div className="flex items-center justify-between gap-2">
              <h3 id={id('title')} className="text-sm font-semibold">
                {t('checkout.bump', { n: index + 1 })}
              </h3>
              {!disabled && (
                <Button
                  variant="ghost"
                  size="icon-sm"
                  className="text-muted-foreground hover:text-destructive"
                  onClick={() => onChange(bumps.filter((_, i) => i !== index))}
                  aria-label={t('checkout.bump_remove', { n: index + 1 })}
                  title={t('checkout.bump_remove', { n: index + 1 })}
                  data-test={`bump-remove-${index}`}
                >
                  <Trash2Icon />
                </Button>
              )}
            </div>
            <div className="grid gap-4 sm:grid-cols-[minmax(0,1fr)_10rem]">
              <Field id={id('name')} label={t('checkout.bump_name')} error={errors[key('name')]}>
                <Input
                  id={id('name')}
                  value={bump.name}
                  onChange={(event) => update(index, { name: event.target.value })}
                  maxLength={255}
                  data-test={`bump-name-${index}`}
                  {...describedBy(id('name'), errors[key('name')])}
                />
              </Field>
              <Field
                id={id('price')}
                label={t('checkout.bump_price')}
                error={errors[key('priceCents')]}
              >
                <MoneyInput
                  id={id('price')}
                  cents={bump.priceCents}
                  onCents={(priceCents) => update(index, { priceCents })}
                  data-test={`bump-price-${index}`}
                  {...describedBy(id('price'), errors[key('priceCents')])}
                />
              </Field>
            </div>
            <Field
              id={id('description')}
              label={t('checkout.bump_description')}
              error={errors[key('description')]}
            >
              <Textarea
                id={id('description')}
                value={bump.description}
                onChange={(event) => update(index, { description: event.target.value })}
                maxLength={500}
                rows={2}
                {...describedBy(id('description'), errors[key('description')])}
              />
            </Field>
            <Field
              id={id('image')}
              label={t('checkout.bump_image')}
              error={errors[key('imageUrl')]}
            >
              <Input
                id={id('image')}
                type="url"
                inputMode="url"
                placeholder="https://"
                value={bump.imageUrl}
                onChange={(event) => update(index, { imageUrl: event.target.value })}
                {...describedBy(id('image'), errors[key('imageUrl')])}
              />
            </Field>
          </div>
        )
      })}

      <InputError message={errors.orderBumps} />
      {!disabled && (
        <div className="flex flex-wrap items-center justify-between gap-2">
          <Button
            variant="outline"
            size="sm"
            onClick={() =>
              onChange([...bumps, { name: '', priceCents: 0, description: '', imageUrl: '' }])
            }
            disabled={bumps.length >= MAX_ORDER_BUMPS}
            data-test="bump-add"
          >
            <PlusIcon />
            {t('checkout.bump_add')}
          </Button>
          <span className="text-xs text-muted-foreground">
            {t('checkout.bumps.limit', { max: MAX_ORDER_BUMPS })}
          </span>
        </div>
      )}
    </div>
  )
}
