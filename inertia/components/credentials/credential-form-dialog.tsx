import { useState } from 'react'
import { usePage } from '@inertiajs/react'
import { Field, RecordFormDialog, type FormErrors } from '~/components/app/record-form'
import type { Data } from '@generated/data'
import type { ServiceInfo } from '#controllers/admin/credentials_controller'
import { ActiveToggle } from '~/components/pixels/active-toggle'
import { Input } from '~/components/ui/input'
import { InputError } from '~/components/ui/input-error'
import { Label } from '~/components/ui/label'
import { Select } from '~/components/ui/select'
import { useT } from '~/lib/i18n'
import { urlFor } from '~/lib/client'

type CredentialRow = Data.Credential
type CredentialService = Data.Credential['service']

type Errors = FormErrors

/** One text field of `settings`, named `settings[<key>]` so it arrives nested. */
function SettingField({
  name,
  credential,
  errors,
  placeholder,
  help,
  optional = false,
}: {
  name: string
  credential: CredentialRow | null
  errors: Errors
  placeholder?: string
  help?: string
  optional?: boolean
}) {
  const t = useT()
  const id = `credential-setting-${name}`
  const error = errors[`settings.${name}`]
  const stored = credential?.settings[name]
  return (
    <Field
      id={id}
      label={
        <>
          {t(`credentials.settings.${name}`)}
          {optional && (
            <span className="font-normal text-muted-foreground">({t('common.optional')})</span>
          )}
        </>
      }
      help={help}
      error={error}
    >
      {(control) => (
        <Input
          {...control}
          name={`settings[${name}]`}
          defaultValue={typeof stored === 'string' ? stored : ''}
          placeholder={placeholder}
          autoComplete="off"
          autoCapitalize="none"
          spellCheck={false}
          className="font-mono"
          data-test={`credential-setting-${name}`}
        />
      )}
    </Field>
  )
}

/** The non-secret options each service needs (see app/validators/credential.ts). */
function ServiceSettings({
  service,
  credential,
  errors,
}: {
  service: CredentialService
  credential: CredentialRow | null
  errors: Errors
}) {
  const t = useT()
  const testEventCode = (
    <SettingField
      name="testEventCode"
      credential={credential}
      errors={errors}
      placeholder="TEST12345"
      help={t('credentials.settings.testEventCode.help')}
      optional
    />
  )
  switch (service) {
    case 'meta_capi':
      return (
        <div className="grid gap-4 sm:grid-cols-2">
          <SettingField
            name="pixelId"
            credential={credential}
            errors={errors}
            placeholder="123456789012345"
          />
          {testEventCode}
        </div>
      )
    case 'tiktok_events':
      return (
        <div className="grid gap-4 sm:grid-cols-2">
          <SettingField
            name="pixelCode"
            credential={credential}
            errors={errors}
            placeholder="C4ABCDEF1234567890AB"
          />
          {testEventCode}
        </div>
      )
    case 'ga4':
      return (
        <SettingField
          name="measurementId"
          credential={credential}
          errors={errors}
          placeholder="G-ABC123XYZ"
        />
      )
    case 'dataget': {
      const stored = credential?.settings.authMode
      return (
        <Field
          id="credential-setting-authMode"
          label={t('credentials.settings.authMode')}
          error={errors['settings.authMode']}
        >
          {(control) => (
            <Select
              {...control}
              name="settings[authMode]"
              defaultValue={typeof stored === 'string' ? stored : 'bearer'}
              data-test="credential-setting-authMode"
            >
              {(['bearer', 'token', 'query'] as const).map((mode) => (
                <option key={mode} value={mode}>
                  {t(`credentials.settings.authMode.${mode}`)}
                </option>
              ))}
            </Select>
          )}
        </Field>
      )
    }
    default:
      return null
  }
}

/** A write-only secret: never pre-filled; on edit, empty keeps the stored one. */
function SecretField({
  id,
  name,
  label,
  masked,
  editing,
  errors,
  help,
  optional = false,
  test,
}: {
  id: string
  name: 'apiKey' | 'apiSecret'
  label: string
  masked: string | null
  editing: boolean
  errors: Errors
  help?: string
  optional?: boolean
  test: string
}) {
  const t = useT()
  const described = [help && `${id}-help`, editing && masked && `${id}-current`]
    .filter(Boolean)
    .join(' ')
  return (
    <div className="grid gap-2">
      <Label htmlFor={id}>
        {label}
        {optional && !editing && (
          <span className="font-normal text-muted-foreground">({t('common.optional')})</span>
        )}
      </Label>
      <Input
        id={id}
        name={name}
        type="password"
        autoComplete="new-password"
        spellCheck={false}
        placeholder={editing ? t('credentials.keep_secret') : undefined}
        className="font-mono"
        data-test={test}
        aria-invalid={errors[name] ? true : undefined}
        aria-describedby={described || undefined}
      />
      {editing && masked && (
        <p id={`${id}-current`} className="font-mono text-xs text-muted-foreground">
          {t('credentials.current_key', { key: masked })}
        </p>
      )}
      {help && (
        <p id={`${id}-help`} className="text-sm text-muted-foreground">
          {help}
        </p>
      )}
      <InputError message={errors[name]} />
    </div>
  )
}

function CredentialFields({
  credential,
  services,
  initialService,
  errors,
}: {
  credential: CredentialRow | null
  services: ServiceInfo[]
  initialService: CredentialService
  errors: Errors
}) {
  const t = useT()
  const [service, setService] = useState<CredentialService>(credential?.service ?? initialService)
  const info = services.find((item) => item.key === service)
  const editing = credential !== null

  return (
    <>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id="credential-service" label={t('credentials.service')} error={errors.service}>
          {(control) => (
            <Select
              {...control}
              name={editing ? undefined : 'service'}
              value={service}
              disabled={editing}
              onChange={(event) => setService(event.target.value as CredentialService)}
              data-test="credential-service"
            >
              {services.map((item) => (
                <option key={item.key} value={item.key}>
                  {t(`integrations.service.${item.key}`)}
                </option>
              ))}
            </Select>
          )}
        </Field>

        <Field id="credential-name" label={t('credentials.name')} error={errors.name}>
          {(control) => (
            <Input
              {...control}
              name="name"
              defaultValue={credential?.name ?? ''}
              placeholder={t('credentials.name.placeholder')}
              autoComplete="off"
              data-test="credential-name"
            />
          )}
        </Field>
      </div>

      <SecretField
        id="credential-api-key"
        name="apiKey"
        label={t('credentials.api_key')}
        masked={credential?.apiKeyMasked ?? null}
        editing={editing}
        errors={errors}
        help={t(`credentials.api_key.help.${service}`)}
        test="credential-api-key"
      />

      <SecretField
        id="credential-api-secret"
        name="apiSecret"
        label={t('credentials.api_secret')}
        masked={credential?.apiSecretMasked ?? null}
        editing={editing}
        errors={errors}
        optional
        test="credential-api-secret"
      />
      {editing && credential.hasApiSecret && (
        <label className="-mt-2 flex items-center gap-2 text-sm">
          <input
            type="checkbox"
            name="clearApiSecret"
            value="true"
            className="size-4 accent-primary"
            data-test="credential-clear-secret"
          />
          {t('credentials.clear_secret')}
        </label>
      )}

      <ServiceSettings service={service} credential={credential} errors={errors} />

      <div className="grid gap-2">
        <Label htmlFor="credential-api-url">
          {t('credentials.api_url')}
          {info?.defaultUrl && (
            <span className="font-normal text-muted-foreground">({t('common.optional')})</span>
          )}
        </Label>
        <Input
          id="credential-api-url"
          name="apiUrl"
          type="url"
          inputMode="url"
          defaultValue={credential?.apiUrl ?? ''}
          placeholder={info?.defaultUrl ?? 'https://'}
          autoComplete="off"
          autoCapitalize="none"
          spellCheck={false}
          className="font-mono"
          data-test="credential-api-url"
          aria-invalid={errors.apiUrl ? true : undefined}
          aria-describedby="credential-api-url-help"
        />
        <p id="credential-api-url-help" className="text-sm break-all text-muted-foreground">
          {info?.defaultUrl
            ? t('credentials.api_url.default', { url: info.defaultUrl })
            : t('credentials.api_url.required')}
        </p>
        <InputError message={errors.apiUrl} />
      </div>

      <ActiveToggle
        id="credential-active"
        defaultChecked={credential?.isActive ?? true}
        label={t('credentials.active.label')}
        test="credential-active"
      />
    </>
  )
}

/** Create (no credential) or edit a credential; secrets are write-only. */
export function CredentialFormDialog({
  credential,
  services,
  initialService,
  open,
  onOpenChange,
}: {
  credential: CredentialRow | null
  services: ServiceInfo[]
  initialService: CredentialService
  open: boolean
  onOpenChange: (open: boolean) => void
}) {
  const t = useT()
  const { workspace } = usePage().props
  if (!workspace) return null
  const action = credential
    ? urlFor('w.credentials.update', { workspaceSlug: workspace.slug, id: credential.id })
    : urlFor('w.credentials.store', { workspaceSlug: workspace.slug })

  return (
    <RecordFormDialog
      open={open}
      onOpenChange={onOpenChange}
      editing={credential !== null}
      formKey={credential?.id ?? `new-${initialService}`}
      title={credential ? t('credentials.edit') : t('credentials.new')}
      description={
        credential ? t('credentials.edit.description') : t('credentials.new.description')
      }
      action={action}
      submitTestId="credential-submit"
    >
      {(errors) => (
        <CredentialFields
          credential={credential}
          services={services}
          initialService={initialService}
          errors={errors}
        />
      )}
    </RecordFormDialog>
  )
}
