import { usePage } from '@inertiajs/react'
import { Form } from '@adonisjs/inertia/react'
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
import { Select } from '~/components/ui/select'
import { FormDialogFooter } from '~/components/app/form-dialog-footer'
import { useT } from '~/lib/i18n'
import type { Data } from '@generated/data'
import type { CloneTarget } from '#controllers/admin/funnels_controller'
import { urlFor } from '~/lib/client'

type FunnelRow = Data.Funnel

/**
 * Copies a funnel (steps, checkout, pixels) into this workspace or another one of the agency
 * where the user may write; the copy opens in its builder.
 */
export function CloneFunnelDialog({
  funnel,
  targets,
  open,
  onOpenChange,
}: {
  funnel: FunnelRow | null
  targets: CloneTarget[]
  open: boolean
  onOpenChange: (open: boolean) => void
}) {
  const t = useT()
  const { workspace } = usePage().props
  if (!workspace) return null

  return (
    <Dialog open={open && funnel !== null} onOpenChange={onOpenChange}>
      {funnel && (
        <DialogContent closeLabel={t('common.close')}>
          <DialogHeader>
            <DialogTitle>{t('funnels.clone.title')}</DialogTitle>
            <DialogDescription>
              {t('funnels.clone.description', { name: funnel.name })}
            </DialogDescription>
          </DialogHeader>
          <Form
            action={urlFor('w.funnels.clone', { workspaceSlug: workspace.slug, id: funnel.id })}
            method="post"
            onSuccess={() => onOpenChange(false)}
            className="grid gap-5"
          >
            {({ errors, processing }) => (
              <>
                <div className="grid gap-2">
                  <Label htmlFor="clone-target">{t('funnels.clone.target')}</Label>
                  <Select
                    id="clone-target"
                    name="targetWorkspaceId"
                    defaultValue={String(workspace.id)}
                    data-test="clone-target"
                    aria-invalid={errors.targetWorkspaceId ? true : undefined}
                  >
                    {targets.map((target) => (
                      <option key={target.id} value={target.id}>
                        {target.id === workspace.id
                          ? t('funnels.clone.this_workspace', { name: target.name })
                          : target.name}
                      </option>
                    ))}
                  </Select>
                  <InputError message={errors.targetWorkspaceId} />
                </div>
                <div className="grid gap-2">
                  <Label htmlFor="clone-name">{t('funnels.clone.name')}</Label>
                  <Input
                    id="clone-name"
                    name="name"
                    defaultValue={t('funnels.clone.default_name', { name: funnel.name })}
                    autoComplete="off"
                    data-test="clone-name"
                    aria-invalid={errors.name ? true : undefined}
                  />
                  <InputError message={errors.name} />
                </div>
                <FormDialogFooter
                  processing={processing}
                  submitLabel={t('funnels.clone.submit')}
                  submitTestId="clone-submit"
                />
              </>
            )}
          </Form>
        </DialogContent>
      )}
    </Dialog>
  )
}
