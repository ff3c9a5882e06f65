import { useState } from 'react'
import { usePage } from '@inertiajs/react'
import { Form } from '@adonisjs/inertia/react'
import { ArrowLeftIcon, PlusIcon } from 'lucide-react'
import { FunnelFields } from '~/components/funnels/funnel-fields'
import { Button } from '~/components/ui/button'
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogHeader,
  DialogTitle,
  DialogTrigger,
} from '~/components/ui/dialog'
import { FormDialogFooter } from '~/components/app/form-dialog-footer'
import {
  StepChain,
  TemplateGallery,
  useTemplates,
  type TemplateCard,
} from '~/components/templates/template-gallery'
import { useT } from '~/lib/i18n'
import { urlFor } from '~/lib/client'

/**
 * "Novo funil": first a starting point — "Em branco" or a template (built-in or the agency's
 * own) — then the name and address. A template creates every step with its page and checkout;
 * the new funnel opens in the builder, as a draft.
 */
export function NewFunnelDialog() {
  const t = useT()
  const { workspace } = usePage().props
  const [open, setOpen] = useState(false)
  const [choice, setChoice] = useState<TemplateCard | 'blank' | null>(null)
  const gallery = useTemplates(workspace?.slug ?? '', open && !!workspace?.can.write)
  if (!workspace?.can.write) return null

  const template = choice !== null && choice !== 'blank' ? choice : null

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next)
        if (next) setChoice(null)
      }}
    >
      <DialogTrigger asChild>
        <Button data-test="new-funnel">
          <PlusIcon />
          {t('funnels.new')}
        </Button>
      </DialogTrigger>
      <DialogContent
        closeLabel={t('common.close')}
        className={choice === null ? 'max-h-[90vh] overflow-y-auto sm:max-w-3xl' : undefined}
      >
        <DialogHeader>
          <DialogTitle>{t('funnels.new')}</DialogTitle>
          <DialogDescription>
            {template
              ? t('templates.selected', { name: template.name })
              : t('funnels.new.description')}
          </DialogDescription>
        </DialogHeader>
        {choice === null ? (
          <TemplateGallery workspaceSlug={workspace.slug} {...gallery} onPick={setChoice} />
        ) : (
          <Form
            action={
              template
                ? urlFor('w.templates.apply', { workspaceSlug: workspace.slug })
                : urlFor('w.funnels.store', { workspaceSlug: workspace.slug })
            }
            method="post"
            onSuccess={() => setOpen(false)}
            className="grid gap-5"
          >
            {({ errors, processing }) => (
              <>
                <Button
                  type="button"
                  variant="ghost"
                  size="sm"
                  className="justify-self-start"
                  onClick={() => setChoice(null)}
                  data-test="template-back"
                >
                  <ArrowLeftIcon />
                  {t('templates.back')}
                </Button>
                {template && (
                  <>
                    <input type="hidden" name="template" value={template.id} />
                    <StepChain steps={template.steps} />
                  </>
                )}
                <FunnelFields
                  key={template?.id ?? 'blank'}
                  errors={errors}
                  idPrefix="new-funnel"
                  defaultName={template?.name}
                  details={!template}
                />
                {errors.template && (
                  <p className="text-sm text-destructive" role="alert">
                    {errors.template}
                  </p>
                )}
                <FormDialogFooter
                  processing={processing}
                  submitLabel={template ? t('templates.use') : t('common.create')}
                  submitTestId="funnel-submit"
                />
              </>
            )}
          </Form>
        )}
      </DialogContent>
    </Dialog>
  )
}
