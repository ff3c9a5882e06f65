import { Form } from '@adonisjs/inertia/react'
import { FormDialogFooter } from '~/components/app/form-dialog-footer'
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogHeader,
  DialogTitle,
} from '~/components/ui/dialog'
import { WorkspaceFields } from '~/components/workspaces/workspace-fields'
import { useT } from '~/lib/i18n'
import type { Data } from '@generated/data'
import { urlFor } from '~/lib/client'

type WorkspaceRow = Data.Workspace.Variants['detail']

/** Rename a workspace, change its time zone or custom domain. */
export function EditWorkspaceDialog({
  workspace,
  open,
  onOpenChange,
  timezones,
}: {
  workspace: WorkspaceRow | null
  open: boolean
  onOpenChange: (open: boolean) => void
  timezones: string[]
}) {
  const t = useT()

  return (
    <Dialog open={open && workspace !== null} onOpenChange={onOpenChange}>
      {workspace && (
        <DialogContent closeLabel={t('common.close')}>
          <DialogHeader>
            <DialogTitle>{t('workspaces.edit')}</DialogTitle>
            <DialogDescription>{t('workspaces.edit.description')}</DialogDescription>
          </DialogHeader>

          <Form
            key={workspace.id}
            action={urlFor('workspaces.update', { id: workspace.id })}
            method="put"
            options={{ preserveScroll: true }}
            onSuccess={() => onOpenChange(false)}
            className="grid gap-5"
          >
            {({ errors, processing }) => (
              <>
                <WorkspaceFields
                  workspace={workspace}
                  errors={errors}
                  idPrefix="edit-workspace"
                  testPrefix="workspace"
                  timezones={timezones}
                />
                <FormDialogFooter
                  processing={processing}
                  submitLabel={t('common.save')}
                  submitTestId="workspace-submit"
                />
              </>
            )}
          </Form>
        </DialogContent>
      )}
    </Dialog>
  )
}
