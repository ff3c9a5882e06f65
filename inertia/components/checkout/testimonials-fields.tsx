import { PlusIcon, Trash2Icon } from 'lucide-react'
import { Button } from '~/components/ui/button'
import { Input } from '~/components/ui/input'
import { InputError } from '~/components/ui/input-error'
import { Textarea } from '~/components/ui/textarea'
import { useT } from '~/lib/i18n'
import { describedBy, Field } from '~/components/checkout/field'
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
  const update = (index: number, patch: Partial<Testimonial>) =>
    onChange(testimonials.map((item, i) => (i === index ? { ...item, ...patch } : item)))

  return (
    <div className="flex flex-col gap-4">
      {testimonials.map((item, index) => {
        const key = (field: string) => `testimonials.${index}.${field}`
        const id = (field: string) => `testimonial-${index}-${field}`
        return (
          <div
            key={index}
            role="group"
            aria-labelledby={id('title')}
            className="grid gap-4 rounded-lg border bg-muted/30 p-4"
            data-test={`testimonial-${index}`}
          >
            <div className="flex items-center justify-between gap-2">
              <h3 id={id('title')} className="text-sm font-semibold">
                {t('checkout.testimonial', { n: index + 1 })}
              </h3>
              {!disabled && (
                <Button
                  variant="ghost"
                  size="icon-sm"
                  className="text-muted-foreground hover:text-destructive"
                  onClick={() => onChange(testimonials.filter((_, i) => i !== index))}
                  aria-label={t('checkout.testimonial_remove', { n: index + 1 })}
                  title={t('checkout.testimonial_remove', { n: index + 1 })}
                  data-test={`testimonial-remove-${index}`}
                >
                  <Trash2Icon />
                </Button>
              )}
            </div>
            <div className="grid gap-4 sm:grid-cols-2">
              <Field
                id={id('name')}
                label={t('checkout.testimonial_name')}
                error={errors[key('name')]}
              >
                <Input
                  id={id('name')}
                  value={item.name}
                  onChange={(event) => update(index, { name: event.target.value })}
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
                  onChange={(event) => update(index, { photoUrl: event.target.value })}
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
                onChange={(event) => update(index, { text: event.target.value })}
                maxLength={1000}
                rows={2}
                data-test={`testimonial-text-${index}`}
                {...describedBy(id('text'), errors[key('text')])}
              />
            </Field>
          </div>
        )
      })}

      <InputError message={errors.testimonials} />
      {!disabled && (
        <div className="flex flex-wrap items-center justify-between gap-2">
          <Button
            variant="outline"
            size="sm"
            onClick={() => onChange([...testimonials, { name: '', text: '', photoUrl: '' }])}
            disabled={testimonials.length >= MAX_TESTIMONIALS}
            data-test="testimonial-add"
          >
            <PlusIcon />
            {t('checkout.testimonial_add')}
          </Button>
          <span className="text-xs text-muted-foreground">
            {t('checkout.testimonials.limit', { max: MAX_TESTIMONIALS })}
          </span>
        </div>
      )}
    </div>
  )
}
