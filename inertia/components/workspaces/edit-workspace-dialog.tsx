// eslint-disable-next-line @adonisjs/prefer-adonisjs-inertia-form -- plain URLs: no Tuyau route registry yet
import { Form } from '@inertiajs/react'
import { LoaderCircleIcon } from 'lucide-react'
import { TimezoneSelect } from '~/components/app/timezone-select'
import { Button } from '~/components/ui/button'
import {
  Dialog,
  DialogClose,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
} from '~/components/ui/dialog'
import { Input } from '~/components/ui/input'
import { InputError } from '~/components/ui/input-error'
import { Label } from '~/components/ui/label'
import { useT } from '~/lib/i18n'
import type { WorkspaceRow } from '~/types'

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
            action={`/workspaces/${workspace.id}`}
            method="put"
            options={{ preserveScroll: true }}
            onSuccess={() => onOpenChange(false)}
            className="grid gap-5"
          >
            {({ errors, processing }) => (
              <>
                <div className="grid gap-2">
                  <Label htmlFor="edit-workspace-name">{t('common.name')}</Label>
                  <Input
                    id="edit-workspace-name"
                    name="name"
                    defaultValue={workspace.name}
                    autoComplete="off"
                    data-test="workspace-name"
                    aria-invalid={errors.name ? true : undefined}
                    aria-describedby={errors.name ? 'edit-workspace-name-error' : undefined}
                  />
                  <InputError id="edit-workspace-name-error" message={errors.name} />
                </div>

                <div className="grid gap-2">
                  <Label htmlFor="edit-workspace-timezone">{t('workspaces.timezone')}</Label>
                  <TimezoneSelect
                    id="edit-workspace-timezone"
                    name="timezone"
                    timezones={timezones}
                    defaultValue={workspace.timezone}
                    data-test="workspace-timezone"
                    aria-invalid={errors.timezone ? true : undefined}
                  />
                  <InputError message={errors.timezone} />
                </div>

                <div className="grid gap-2">
                  <Label htmlFor="edit-workspace-custom-domain">
                    {t('workspaces.custom_domain')}
                    <span className="font-normal text-muted-foreground">
                      ({t('common.optional')})
                    </span>
                  </Label>
                  <Input
                    id="edit-workspace-custom-domain"
                    name="customDomain"
                    defaultValue={workspace.customDomain ?? ''}
                    placeholder={t('workspaces.custom_domain.placeholder')}
                    autoComplete="off"
                    autoCapitalize="none"
                    spellCheck={false}
                    data-test="workspace-custom-domain"
                    aria-invalid={errors.customDomain ? true : undefined}
                  />
                  <InputError message={errors.customDomain} />
                </div>

                <DialogFooter>
                  <DialogClose asChild>
                    <Button variant="outline">{t('common.cancel')}</Button>
                  </DialogClose>
                  <Button type="submit" disabled={processing} data-test="workspace-submit">
                    {processing && <LoaderCircleIcon className="animate-spin" />}
                    {t('common.save')}
                  </Button>
                </DialogFooter>
              </>
            )}
          </Form>
        </DialogContent>
      )}
    </Dialog>
  )
}
