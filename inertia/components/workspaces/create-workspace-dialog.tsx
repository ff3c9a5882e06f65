import { useState } from 'react'
import { usePage } from '@inertiajs/react'
import { Form } from '@adonisjs/inertia/react'
import { PlusIcon } from 'lucide-react'
import { DEFAULT_TIMEZONE, TimezoneSelect } from '~/components/app/timezone-select'
import { Button } from '~/components/ui/button'
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogHeader,
  DialogTitle,
  DialogTrigger,
} from '~/components/ui/dialog'
import { Input } from '~/components/ui/input'
import { InputError } from '~/components/ui/input-error'
import { Label } from '~/components/ui/label'
import { Select } from '~/components/ui/select'
import { FormDialogFooter } from '~/components/app/form-dialog-footer'
import { useT } from '~/lib/i18n'
import { sanitizeSlugInput, slugify } from '~/lib/slug'
import type { AgencyWithWorkspaces } from '#controllers/admin/workspaces_controller'
import { urlFor } from '~/lib/client'

/**
 * The name and subdomain fields. The subdomain follows the name until the user edits it;
 * clearing it hands it back to the name.
 */
function NameAndSlugFields({ errors }: { errors: Record<string, string | undefined> }) {
  const t = useT()
  const { appDomain } = usePage().props
  const [name, setName] = useState('')
  const [slug, setSlug] = useState('')
  const [slugEdited, setSlugEdited] = useState(false)

  return (
    <>
      <div className="grid gap-2">
        <Label htmlFor="workspace-name">{t('common.name')}</Label>
        <Input
          id="workspace-name"
          name="name"
          value={name}
          onChange={(event) => {
            setName(event.target.value)
            if (!slugEdited) setSlug(slugify(event.target.value))
          }}
          placeholder={t('workspaces.name.placeholder')}
          autoComplete="off"
          autoFocus
          data-test="workspace-name"
          aria-invalid={errors.name ? true : undefined}
          aria-describedby={errors.name ? 'workspace-name-error' : undefined}
        />
        <InputError id="workspace-name-error" message={errors.name} />
      </div>

      <div className="grid gap-2">
        <Label htmlFor="workspace-slug">{t('workspaces.slug')}</Label>
        <div className="flex rounded-md shadow-xs">
          <Input
            id="workspace-slug"
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
            className="min-w-0 flex-1 rounded-r-none font-mono text-sm shadow-none"
            data-test="workspace-slug"
            aria-invalid={errors.slug ? true : undefined}
            aria-describedby="workspace-slug-help"
          />
          <span className="inline-flex shrink-0 items-center rounded-r-md whitespace-nowrap border border-l-0 border-input bg-muted px-3 font-mono text-sm text-muted-foreground">
            .{appDomain}
          </span>
        </div>
        <p id="workspace-slug-help" className="text-sm break-all text-muted-foreground">
          {t('workspaces.slug.help', { slug: slug || '…', domain: appDomain })}
        </p>
        <InputError message={errors.slug} />
      </div>
    </>
  )
}

/** "New workspace" button and its dialog: agency (when several), name, subdomain, time zone. */
export function CreateWorkspaceDialog({
  agencies,
  timezones,
}: {
  agencies: AgencyWithWorkspaces[]
  timezones: string[]
}) {
  const t = useT()
  const [open, setOpen] = useState(false)
  if (agencies.length === 0) return null

  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button data-test="new-workspace">
          <PlusIcon />
          {t('workspaces.new')}
        </Button>
      </DialogTrigger>
      <DialogContent closeLabel={t('common.close')}>
        <DialogHeader>
          <DialogTitle>{t('workspaces.new')}</DialogTitle>
          <DialogDescription>{t('workspaces.new.description')}</DialogDescription>
        </DialogHeader>

        <Form
          action={urlFor('workspaces.store')}
          method="post"
          options={{ preserveScroll: true }}
          onSuccess={() => setOpen(false)}
          className="grid gap-5"
        >
          {({ errors, processing }) => (
            <>
              {agencies.length > 1 ? (
                <div className="grid gap-2">
                  <Label htmlFor="workspace-agency">{t('workspaces.agency')}</Label>
                  <Select
                    id="workspace-agency"
                    name="agencyId"
                    defaultValue={String(agencies[0].id)}
                    data-test="workspace-agency"
                    aria-invalid={errors.agencyId ? true : undefined}
                  >
                    {agencies.map((agency) => (
                      <option key={agency.id} value={agency.id}>
                        {agency.name}
                      </option>
                    ))}
                  </Select>
                  <InputError message={errors.agencyId} />
                </div>
              ) : (
                <input type="hidden" name="agencyId" value={agencies[0].id} />
              )}

              <NameAndSlugFields errors={errors} />

              <div className="grid gap-2">
                <Label htmlFor="workspace-timezone">{t('workspaces.timezone')}</Label>
                <TimezoneSelect
                  id="workspace-timezone"
                  name="timezone"
                  timezones={timezones}
                  defaultValue={DEFAULT_TIMEZONE}
                  data-test="workspace-timezone"
                  aria-invalid={errors.timezone ? true : undefined}
                />
                <InputError message={errors.timezone} />
              </div>

              <FormDialogFooter
                processing={processing}
                submitLabel={t('common.create')}
                submitTestId="workspace-submit"
              />
            </>
          )}
        </Form>
      </DialogContent>
    </Dialog>
  )
}
