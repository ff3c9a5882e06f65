import { useState } from 'react'
import { usePage } from '@inertiajs/react'
import { Input } from '~/components/ui/input'
import { InputError } from '~/components/ui/input-error'
import { Label } from '~/components/ui/label'
import { Textarea } from '~/components/ui/textarea'
import { useT } from '~/lib/i18n'
import { sanitizeSlugInput, slugify } from '~/lib/slug'
import type { Data } from '@generated/data'

type FunnelRow = Data.Funnel

type Errors = Record<string, string | undefined>

/**
 * Name, address (slug), niche and description of a funnel, as named form inputs. For a new
 * funnel the slug follows the name until the user edits it; an existing funnel keeps its slug
 * (links already point to it) unless changed on purpose.
 */
export function FunnelFields({
  funnel,
  errors,
  idPrefix,
  defaultName,
  details = true,
}: {
  funnel?: FunnelRow
  errors: Errors
  idPrefix: string
  /** A new funnel's suggested name (a template's), its slug following it. */
  defaultName?: string
  /** Niche and description: a funnel from a template takes the template's. */
  details?: boolean
}) {
  const t = useT()
  const { props } = usePage()
  /** The workspace's public address (public_url.ts, sent by the funnels pages), else the hint. */
  const siteUrl =
    (props as { siteUrl?: string }).siteUrl ?? `https://${props.workspace?.slug}.${props.appDomain}`
  const [name, setName] = useState(funnel?.name ?? defaultName ?? '')
  const [slug, setSlug] = useState(funnel?.slug ?? slugify(defaultName ?? ''))
  const [slugEdited, setSlugEdited] = useState(funnel !== undefined)
  const id = (field: string) => `${idPrefix}-${field}`

  return (
    <>
      <div className="grid gap-2">
        <Label htmlFor={id('name')}>{t('common.name')}</Label>
        <Input
          id={id('name')}
          name="name"
          value={name}
          onChange={(event) => {
            setName(event.target.value)
            if (!slugEdited) setSlug(slugify(event.target.value))
          }}
          placeholder={t('funnels.form.name_placeholder')}
          autoComplete="off"
          autoFocus
          data-test="funnel-name"
          aria-invalid={errors.name ? true : undefined}
        />
        <InputError message={errors.name} />
      </div>

      <div className="grid gap-2">
        <Label htmlFor={id('slug')}>{t('funnels.form.slug')}</Label>
        <Input
          id={id('slug')}
          name="slug"
          value={slug}
          onChange={(event) => {
            const value = sanitizeSlugInput(event.target.value)
            setSlug(value)
            setSlugEdited(value !== '')
          }}
          onBlur={() => setSlug((value) => slugify(value || name))}
          autoComplete="off"
          autoCapitalize="none"
          spellCheck={false}
          className="font-mono text-sm"
          data-test="funnel-slug"
          aria-invalid={errors.slug ? true : undefined}
          aria-describedby={id('slug-help')}
        />
        <p id={id('slug-help')} className="text-sm break-all text-muted-foreground">
          {t('funnels.form.slug_help', {
            url: `${siteUrl}/${slug || '…'}`,
          })}
        </p>
        <InputError message={errors.slug} />
      </div>

      {details && (
        <>
          <div className="grid gap-2">
            <Label htmlFor={id('niche')}>
              {t('funnels.form.niche')}
              <span className="font-normal text-muted-foreground">({t('common.optional')})</span>
            </Label>
            <Input
              id={id('niche')}
              name="niche"
              defaultValue={funnel?.niche ?? ''}
              placeholder={t('funnels.form.niche_placeholder')}
              autoComplete="off"
              data-test="funnel-niche"
              aria-invalid={errors.niche ? true : undefined}
            />
            <InputError message={errors.niche} />
          </div>

          <div className="grid gap-2">
            <Label htmlFor={id('description')}>
              {t('funnels.form.description')}
              <span className="font-normal text-muted-foreground">({t('common.optional')})</span>
            </Label>
            <Textarea
              id={id('description')}
              name="description"
              defaultValue={funnel?.description ?? ''}
              rows={3}
              data-test="funnel-description"
              aria-invalid={errors.description ? true : undefined}
            />
            <InputError message={errors.description} />
          </div>
        </>
      )}
    </>
  )
}
