import type { ReactNode } from 'react'
import { TimezoneSelect } from '~/components/app/timezone-select'
import { Input } from '~/components/ui/input'
import { InputError } from '~/components/ui/input-error'
import { Label } from '~/components/ui/label'
import { useT } from '~/lib/i18n'
import type { Data } from '@generated/data'

type WorkspaceRow = Data.Workspace.Variants['detail']

/**
 * A workspace's editable fields (name, time zone, custom domain), for the settings page and
 * the edit dialog of the workspaces page. Ids start with `idPrefix`, `data-test` hooks with
 * `testPrefix`; `afterName` goes between the name and the time zone.
 */
export function WorkspaceFields({
  workspace,
  errors,
  idPrefix,
  testPrefix,
  timezones,
  afterName,
}: {
  workspace: Pick<WorkspaceRow, 'name' | 'timezone' | 'customDomain'>
  errors: Record<string, string | undefined>
  idPrefix: string
  testPrefix: string
  /** The server's list of zones, when the page has one (see TimezoneSelect). */
  timezones?: string[]
  afterName?: ReactNode
}) {
  const t = useT()

  return (
    <>
      <div className="grid gap-2">
        <Label htmlFor={`${idPrefix}-name`}>{t('common.name')}</Label>
        <Input
          id={`${idPrefix}-name`}
          name="name"
          defaultValue={workspace.name}
          autoComplete="off"
          data-test={`${testPrefix}-name`}
          aria-invalid={errors.name ? true : undefined}
          aria-describedby={errors.name ? `${idPrefix}-name-error` : undefined}
        />
        <InputError id={`${idPrefix}-name-error`} message={errors.name} />
      </div>

      {afterName}

      <div className="grid gap-2">
        <Label htmlFor={`${idPrefix}-timezone`}>{t('workspaces.timezone')}</Label>
        <TimezoneSelect
          id={`${idPrefix}-timezone`}
          name="timezone"
          timezones={timezones}
          defaultValue={workspace.timezone}
          data-test={`${testPrefix}-timezone`}
          aria-invalid={errors.timezone ? true : undefined}
        />
        <InputError message={errors.timezone} />
      </div>

      <div className="grid gap-2">
        <Label htmlFor={`${idPrefix}-custom-domain`}>
          {t('workspaces.custom_domain')}
          <span className="font-normal text-muted-foreground">({t('common.optional')})</span>
        </Label>
        <Input
          id={`${idPrefix}-custom-domain`}
          name="customDomain"
          defaultValue={workspace.customDomain ?? ''}
          placeholder={t('workspaces.custom_domain.placeholder')}
          autoComplete="off"
          autoCapitalize="none"
          spellCheck={false}
          data-test={`${testPrefix}-custom-domain`}
          aria-invalid={errors.customDomain ? true : undefined}
        />
        <InputError message={errors.customDomain} />
      </div>
    </>
  )
}
