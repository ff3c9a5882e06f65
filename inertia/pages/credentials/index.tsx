import { useState } from 'react'
import { usePage } from '@inertiajs/react'
import { PencilIcon, PlusIcon, Trash2Icon } from 'lucide-react'
import { PageHeader } from '~/components/app/page-header'
import { ConnectionResultBadge } from '~/components/credentials/connection-result-badge'
import { CredentialFormDialog } from '~/components/credentials/credential-form-dialog'
import { DeleteCredentialDialog } from '~/components/credentials/delete-credential-dialog'
import { TestConnectionButton } from '~/components/credentials/test-connection-button'
import type { Data } from '@generated/data'
import type { ServiceInfo } from '#controllers/admin/credentials_controller'
import { Badge } from '~/components/ui/badge'
import { Button } from '~/components/ui/button'
import {
  Card,
  CardAction,
  CardContent,
  CardDescription,
  CardHeader,
  CardTitle,
} from '~/components/ui/card'
import { RowIconButton } from '~/components/app/row-icon-button'
import { useT } from '~/lib/i18n'

type ConnectionTestResult = Data.Credential.Variants['testResult']
type CredentialRow = Data.Credential
type CredentialService = Data.Credential['service']

/** Which dialog is open, and for which credential (kept while the dialog closes). */
type Target =
  | { kind: 'create'; service: CredentialService; open: boolean }
  | { kind: 'edit' | 'delete'; credential: CredentialRow; open: boolean }
  | null

/** One credential: name, masked key, status, last test result and actions. */
function CredentialItem({
  credential,
  canWrite,
  result,
  onResult,
  onEdit,
  onDelete,
}: {
  credential: CredentialRow
  canWrite: boolean
  result: ConnectionTestResult | undefined
  onResult: (result: ConnectionTestResult) => void
  onEdit: () => void
  onDelete: () => void
}) {
  const t = useT()
  return (
    <li
      className="flex flex-col gap-3 px-6 py-4 sm:flex-row sm:items-center sm:justify-between"
      data-test={`credential-row-${credential.id}`}
    >
      <div className="min-w-0 space-y-1">
        <div className="flex flex-wrap items-center gap-2">
          <span className="font-medium">{credential.name}</span>
          {credential.isActive ? (
            <Badge variant="success">{t('credentials.active')}</Badge>
          ) : (
            <Badge variant="secondary">{t('credentials.inactive')}</Badge>
          )}
          {(credential.health === 'invalid' ||
            credential.health === 'unreachable' ||
            credential.health === 'failing') &&
            !result && (
              <Badge
                variant="destructive"
                data-test={`credential-health-${credential.id}`}
                title={credential.healthError ?? undefined}
              >
                {t(`credentials.health.${credential.health}`)}
              </Badge>
            )}
          {result && <ConnectionResultBadge id={credential.id} result={result} />}
        </div>
        <p className="truncate font-mono text-xs text-muted-foreground">
          <span className="sr-only">{t('credentials.key')}: </span>
          <span data-test={`credential-key-${credential.id}`}>{credential.apiKeyMasked}</span>
          {credential.apiUrl && <span className="ml-2">· {credential.apiUrl}</span>}
        </p>
      </div>
      {canWrite && (
        <div className="flex shrink-0 items-center gap-1">
          <TestConnectionButton credential={credential} onResult={onResult} />
          <RowIconButton
            icon={PencilIcon}
            label={t('common.edit')}
            subject={credential.name}
            onClick={onEdit}
            test={`edit-credential-${credential.id}`}
          />
          <RowIconButton
            icon={Trash2Icon}
            label={t('common.delete')}
            subject={credential.name}
            onClick={onDelete}
            destructive
            test={`delete-credential-${credential.id}`}
          />
        </div>
      )}
    </li>
  )
}

export default function CredentialsIndex({
  credentials,
  services,
}: {
  credentials: CredentialRow[]
  services: ServiceInfo[]
}) {
  const t = useT()
  const { workspace } = usePage().props
  const [target, setTarget] = useState<Target>(null)
  const [results, setResults] = useState<Record<number, ConnectionTestResult>>({})
  if (!workspace) return null
  const canWrite = workspace.can.write

  const close = (open: boolean) => {
    if (!open) setTarget((current) => current && { ...current, open: false })
  }

  return (
    <>
      <PageHeader
        title={t('credentials.title')}
        description={t('credentials.subtitle')}
        actions={
          canWrite && (
            <Button
              onClick={() => setTarget({ kind: 'create', service: 'skalepay', open: true })}
              data-test="new-credential"
            >
              <PlusIcon />
              {t('credentials.new')}
            </Button>
          )
        }
      />

      <div className="grid gap-4 xl:grid-cols-2">
        {services.map((service) => {
          const own = credentials.filter((credential) => credential.service === service.key)
          return (
            <Card key={service.key} className="gap-0 pb-0" data-test={`service-${service.key}`}>
              <CardHeader className="pb-4">
                <CardTitle>{t(`integrations.service.${service.key}`)}</CardTitle>
                <CardDescription>
                  {t(`integrations.service.${service.key}.description`)}
                </CardDescription>
                {canWrite && (
                  <CardAction>
                    <Button
                      variant="ghost"
                      size="sm"
                      onClick={() =>
                        setTarget({ kind: 'create', service: service.key, open: true })
                      }
                      data-test={`new-credential-${service.key}`}
                    >
                      <PlusIcon />
                      {t('credentials.add_for')}
                    </Button>
                  </CardAction>
                )}
              </CardHeader>
              <CardContent className="border-t px-0">
                {own.length === 0 ? (
                  <p className="px-6 py-5 text-sm text-muted-foreground">{t('credentials.none')}</p>
                ) : (
                  <ul className="divide-y">
                    {own.map((credential) => (
                      <CredentialItem
                        key={credential.id}
                        credential={credential}
                        canWrite={canWrite}
                        result={results[credential.id]}
                        onResult={(result) =>
                          setResults((current) => ({ ...current, [credential.id]: result }))
                        }
                        onEdit={() => setTarget({ kind: 'edit', credential, open: true })}
                        onDelete={() => setTarget({ kind: 'delete', credential, open: true })}
                      />
                    ))}
                  </ul>
                )}
              </CardContent>
            </Card>
          )
        })}
      </div>

      {canWrite && (
        <>
          <CredentialFormDialog
            credential={target?.kind === 'edit' ? target.credential : null}
            services={services}
            initialService={target?.kind === 'create' ? target.service : 'skalepay'}
            open={(target?.kind === 'create' || target?.kind === 'edit') && target.open}
            onOpenChange={close}
          />
          <DeleteCredentialDialog
            credential={target?.kind === 'delete' ? target.credential : null}
            open={target?.kind === 'delete' && target.open}
            onOpenChange={close}
          />
        </>
      )}
    </>
  )
}
