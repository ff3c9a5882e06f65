import { Input } from '~/components/ui/input'
import { Textarea } from '~/components/ui/textarea'
import { useT } from '~/lib/i18n'
import { describedBy, Field } from '~/components/checkout/field'
import { RowListEditor } from '~/components/checkout/row-list-editor'
import { MAX_TESTIMONIALS, type CheckoutForm } from '~/components/checkout/form'

type Testimonial = CheckoutForm['testimonials'][number]

/** Buyers' testimonials shown under the checkout form, up to ten. */
export function TestimonialsFields({
  testimonials,
  onChange,
  errors,
  disabled,
}: {
  testimonials: Testimonial[]
  onChange: (testimonials: Testimonial[]) => void
  errors: Record<string, string>
  disabled: boolean
}) {
  const t = useT()

  return (
    <RowListEditor
      name="testimonial"
      rows={testimonials}
      onChange={onChange}
      newRow={() => ({ name: '', text: '', photoUrl: '' })}
      max={MAX_TESTIMONIALS}
      disabled={disabled}
      error={errors.testimonials}
      messages={{
        row: 'checkout.testimonial',
        remove: 'checkout.testimonial_remove',
        add: 'checkout.testimonial_add',
        limit: 'checkout.testimonials.limit',
      }}
      renderRow={({ row: item, index, id, update }) => {
        const key = (field: string) => `testimonials.${index}.${field}`
        return (
          <>
            <div className="grid gap-4 sm:grid-cols-2">
              <Field
                id={id('name')}
                label={t('checkout.testimonial_name')}
                error={errors[key('name')]}
              >
                <Input
                  id={id('name')}
                  value={item.name}
                  onChange={(event) => update({ name: event.target.value })}
                  maxLength={120}
                  data-test={`testimonial-name-${index}`}
                  {...describedBy(id('name'), errors[key('name')])}
                />
              </Field>
              <Field
                id={id('photo')}
                label={t('checkout.testimonial_photo')}
                error={errors[key('photoUrl')]}
              >
                <Input
                  id={id('photo')}
                  type="url"
                  inputMode="url"
                  placeholder="https://"
                  value={item.photoUrl}
                  onChange={(event) => update({ photoUrl: event.target.value })}
                  {...describedBy(id('photo'), errors[key('photoUrl')])}
                />
              </Field>
            </div>
            <Field
              id={id('text')}
              label={t('checkout.testimonial_text')}
              error={errors[key('text')]}
            >
              <Textarea
                id={id('text')}
                value={item.text}
                onChange={(event) => update({ text: event.target.value })}
                maxLength={1000}
                rows={2}
                data-test={`testimonial-text-${index}`}
                {...describedBy(id('text'), errors[key('text')])}
              />
            </Field>
          </>
        )
      }}
    />
  )
}
