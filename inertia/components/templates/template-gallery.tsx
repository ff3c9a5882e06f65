import { useCallback, useEffect, useState } from 'react'
import {
  ArrowRightIcon,
  CircleCheckIcon,
  FilePlusIcon,
  GiftIcon,
  MailIcon,
  PlayIcon,
  ShoppingCartIcon,
  Trash2Icon,
  type LucideIcon,
} from 'lucide-react'
import { Badge } from '~/components/ui/badge'
import { Button } from '~/components/ui/button'
import { useT } from '~/lib/i18n'
import { formatBRL } from '~/lib/money'
import { urlFor } from '~/lib/client'
import { xsrfToken } from '~/components/checkout/form'

/** A card of the gallery, as GET /w/:ws/templates gives it (app/actions/templates/list_templates.ts). */
export interface TemplateCard {
  id: string
  source: 'builtin' | 'agency'
  name: string
  description: string | null
  steps: Array<{ name: string; stepType: string }>
  product: { name: string; priceCents: number } | null
  createdAt: string | null
  can: { delete: boolean }
}

const STEP_ICONS: Record<string, LucideIcon> = {
  capture: MailIcon,
  vsl: PlayIcon,
  checkout: ShoppingCartIcon,
  upsell: GiftIcon,
  thankyou: CircleCheckIcon,
}

/** The gallery of the workspace, loaded when `enabled` turns on (the dialog opens). */
export function useTemplates(workspaceSlug: string, enabled: boolean) {
  const [templates, setTemplates] = useState<TemplateCard[] | null>(null)
  const [failed, setFailed] = useState(false)
  const load = useCallback(async () => {
    setFailed(false)
    try {
      const response = await fetch(urlFor('w.templates.index', { workspaceSlug }), {
        credentials: 'same-origin',
        headers: { Accept: 'application/json' },
      })
      if (!response.ok) throw new Error(String(response.status))
      setTemplates(((await response.json()) as { templates: TemplateCard[] }).templates)
    } catch {
      setFailed(true)
    }
  }, [workspaceSlug])
  useEffect(() => {
    if (enabled) void load()
  }, [enabled, load])
  return { templates, failed, reload: load }
}

/** The step chain of a template: one icon per step, in order, names for screen readers. */
export function StepChain({ steps }: { steps: TemplateCard['steps'] }) {
  const t = useT()
  return (
    <ol className="flex flex-wrap items-center gap-1" data-test="template-steps">
      {steps.map((step, index) => {
        const Icon = STEP_ICONS[step.stepType] ?? FilePlusIcon
        return (
          <li key={index} className="flex items-center gap-1">
            {index > 0 && (
              <ArrowRightIcon className="size-3 text-muted-foreground" aria-hidden="true" />
            )}
            <span
              className="inline-flex size-7 items-center justify-center rounded-md bg-muted text-foreground"
              title={step.name}
            >
              <Icon className="size-4" aria-hidden="true" />
              <span className="sr-only">
                {t(`templates.step.${step.stepType}`)}: {step.name}
              </span>
            </span>
          </li>
        )
      })}
    </ol>
  )
}

/**
 * "Em branco" and the template cards. Picking one calls `onPick`; an agency template can be
 * deleted from its card.
 */
export function TemplateGallery({
  workspaceSlug,
  templates,
  failed,
  reload,
  onPick,
}: {
  workspaceSlug: string
  templates: TemplateCard[] | null
  failed: boolean
  reload: () => void
  onPick: (choice: TemplateCard | 'blank') => void
}) {
  const t = useT()
  const cardClass =
    'flex h-full w-full flex-col items-start gap-3 rounded-lg border bg-card p-4 text-left transition-colors hover:border-primary focus-visible:ring-[3px] focus-visible:ring-ring/50 focus-visible:outline-none'

  async function remove(template: TemplateCard) {
    if (!window.confirm(t('templates.delete.confirm', { name: template.name }))) return
    const response = await fetch(
      urlFor('w.templates.destroy', { workspaceSlug, id: Number(template.id) }),
      {
        method: 'DELETE',
        credentials: 'same-origin',
        headers: { 'Accept': 'application/json', 'X-XSRF-TOKEN': xsrfToken() },
      }
    )
    if (response.ok) reload()
  }

  return (
    <div className="grid gap-3">
      <h3 className="text-sm font-medium">{t('templates.choose')}</h3>
      <ul className="grid grid-cols-1 gap-3 sm:grid-cols-2" data-test="template-gallery">
        <li>
          <button
            type="button"
            className={cardClass}
            onClick={() => onPick('blank')}
            data-test="template-card-blank"
          >
            <span className="inline-flex size-7 items-center justify-center rounded-md bg-muted">
              <FilePlusIcon className="size-4" aria-hidden="true" />
            </span>
            <span className="font-medium">{t('templates.blank')}</span>
            <span className="text-sm text-muted-foreground">
              {t('templates.blank.description')}
            </span>
          </button>
        </li>
        {templates?.map((template) => (
          <li key={template.id} className="relative">
            <button
              type="button"
              className={cardClass}
              onClick={() => onPick(template)}
              data-test={`template-card-${template.id}`}
            >
              <StepChain steps={template.steps} />
              <span className="flex flex-wrap items-center gap-2 pr-8">
                <span className="font-medium">{template.name}</span>
                <Badge variant={template.source === 'agency' ? 'secondary' : 'outline'}>
                  {t(`templates.source.${template.source}`)}
                </Badge>
              </span>
              {template.description && (
                <span className="text-sm text-muted-foreground">{template.description}</span>
              )}
              <span className="mt-auto text-xs text-muted-foreground">
                {t('templates.steps_count', { count: template.steps.length })}
                {template.product &&
                  ` · ${template.product.name} · ${formatBRL(template.product.priceCents)}`}
              </span>
            </button>
            {template.can.delete && (
              <Button
                type="button"
                variant="ghost"
                size="icon"
                className="absolute top-2 right-2"
                onClick={() => remove(template)}
                aria-label={`${t('templates.delete')}: ${template.name}`}
                data-test={`template-delete-${template.id}`}
              >
                <Trash2Icon />
              </Button>
            )}
          </li>
        ))}
      </ul>
      {templates === null && !failed && (
        <p className="text-sm text-muted-foreground" role="status">
          {t('templates.gallery.loading')}
        </p>
      )}
      {failed && (
        <p className="flex items-center gap-2 text-sm text-destructive" role="alert">
          {t('templates.gallery.error')}
          <Button type="button" variant="link" size="sm" onClick={reload}>
            {t('templates.gallery.retry')}
          </Button>
        </p>
      )}
    </div>
  )
}
