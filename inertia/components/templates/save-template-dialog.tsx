import { useState } from 'react'
import { usePage } from '@inertiajs/react'
import { Form } from '@adonisjs/inertia/react'
import { LayoutTemplateIcon } from 'lucide-react'
import { Button } from '~/components/ui/button'
import { Input } from '~/components/ui/input'
import { InputError } from '~/components/ui/input-error'
import { Label } from '~/components/ui/label'
import { Textarea } from '~/components/ui/textarea'
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogHeader,
  DialogTitle,
  DialogTrigger,
} from '~/components/ui/dialog'
import { FormDialogFooter } from '~/components/app/form-dialog-footer'
import { useT } from '~/lib/i18n'
import { urlFor } from '~/lib/client'

/**
 * "Salvar como modelo": the funnel's steps, pages and checkout become an agency template that
 * every workspace of the agency finds in the "Novo funil" gallery.
 */
export function SaveTemplateDialog({ funnel }: { funnel: { id: number; name: string } }) {
  const t = useT()
  const { workspace } = usePage().props
  const [open, setOpen] = useState(false)
  if (!workspace?.can.write) return null

  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button variant="outline" data-test="save-as-template">
          <LayoutTemplateIcon />
          {t('templates.save')}
        </Button>
      </DialogTrigger>
      <DialogContent closeLabel={t('common.close')}>
        <DialogHeader>
          <DialogTitle>{t('templates.save.title')}</DialogTitle>
          <DialogDescription>{t('templates.save.description')}</DialogDescription>
        </DialogHeader>
        <Form
          action={urlFor('w.templates.store', { workspaceSlug: workspace.slug, id: funnel.id })}
          method="post"
          options={{ preserveScroll: true }}
          onSuccess={() => setOpen(false)}
          className="grid gap-5"
        >
          {({ errors, processing }) => (
            <>
              <div className="grid gap-2">
                <Label htmlFor="template-name">{t('templates.save.name')}</Label>
                <Input
                  id="template-name"
                  name="name"
                  defaultValue={funnel.name}
                  autoComplete="off"
                  autoFocus
                  data-test="template-name"
                  aria-invalid={errors.name ? true : undefined}
                />
                <InputError message={errors.name} />
              </div>
              <div className="grid gap-2">
                <Label htmlFor="template-description">
                  {t('templates.save.description_field')}
                </Label>
                <Textarea
                  id="template-description"
                  name="description"
                  rows={3}
                  data-test="template-description"
                  aria-invalid={errors.description ? true : undefined}
                />
                <InputError message={errors.description} />
              </div>
              <FormDialogFooter
                processing={processing}
                submitLabel={t('templates.save.submit')}
                submitTestId="template-submit"
              />
            </>
          )}
        </Form>
      </DialogContent>
    </Dialog>
  )
}
