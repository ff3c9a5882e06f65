import { Input } from '~/components/ui/input'
import { Textarea } from '~/components/ui/textarea'
import { useT } from '~/lib/i18n'
import { describedBy, Field } from '~/components/checkout/field'
import { MoneyInput } from '~/components/app/money-input'
import { RowListEditor } from '~/components/checkout/row-list-editor'
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

  return (
    <RowListEditor
      name="bump"
      rows={bumps}
      onChange={onChange}
      newRow={() => ({ name: '', priceCents: 0, description: '', imageUrl: '' })}
      max={MAX_ORDER_BUMPS}
      disabled={disabled}
      error={errors.orderBumps}
      messages={{
        row: 'checkout.bump',
        remove: 'checkout.bump_remove',
        add: 'checkout.bump_add',
        limit: 'checkout.bumps.limit',
        empty: 'checkout.bumps.empty',
      }}
      renderRow={({ row: bump, index, id, update }) => {
        const key = (field: string) => `orderBumps.${index}.${field}`
        return (
          <>
            <div className="grid gap-4 sm:grid-cols-[minmax(0,1fr)_10rem]">
              <Field id={id('name')} label={t('checkout.bump_name')} error={errors[key('name')]}>
                <Input
                  id={id('name')}
                  value={bump.name}
                  onChange={(event) => update({ name: event.target.value })}
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
                  onCents={(priceCents) => update({ priceCents })}
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
                onChange={(event) => update({ description: event.target.value })}
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
                onChange={(event) => update({ imageUrl: event.target.value })}
                {...describedBy(id('image'), errors[key('imageUrl')])}
              />
            </Field>
          </>
        )
      }}
    />
  )
}
