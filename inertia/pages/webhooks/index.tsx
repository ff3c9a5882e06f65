import { useState } from 'react'
import { router, usePage } from '@inertiajs/react'
import {
  CheckIcon,
  KeyRoundIcon,
  PencilIcon,
  PlusIcon,
  RotateCwIcon,
  Trash2Icon,
  WebhookIcon,
  XIcon,
} from 'lucide-react'
import { EmptyState } from '~/components/app/empty-state'
import { PageHeader } from '~/components/app/page-header'
import { PaginationNav } from '~/components/app/pagination-nav'
import { DeleteWebhookDialog } from '~/components/webhooks/delete-webhook-dialog'
import { NewSecretDialog } from '~/components/webhooks/new-secret-dialog'
import { RotateSecretDialog } from '~/components/webhooks/rotate-secret-dialog'
import { SignatureHelp } from '~/components/webhooks/signature-help'
import { TestWebhookButton } from '~/components/webhooks/test-webhook-button'
import { WebhookFormDialog } from '~/components/webhooks/webhook-form-dialog'
import type { Data } from '@generated/data'
import type { NewSecret } from '#controllers/admin/webhook_endpoints_controller'
import type { PageMeta } from '#services/pagination'
import { Badge } from '~/components/ui/badge'
import { Button } from '~/components/ui/button'
import { Card, CardContent } from '~/components/ui/card'
import {
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from '~/components/ui/table'
import { RowIconButton } from '~/components/app/row-icon-button'
import { useT } from '~/lib/i18n'
import { cn } from '~/lib/utils'
import { urlFor } from '~/lib/client'

type WebhookEvent = Data.WebhookEndpoint['events'][number]
type WebhookRow = Data.WebhookEndpoint

/** Which dialog is open, and for which endpoint (kept while the dialog closes). */
type Target =
  | { kind: 'create'; endpoint: null; open: boolean }
  | { kind: 'edit' | 'delete' | 'rotate'; endpoint: WebhookRow; open: boolean }
  | null

/** Delivered / failed (retrying) / given-up counts, each with an icon and its label as tooltip. */
function DeliveryCounts({ endpoint }: { endpoint: WebhookRow }) {
  const t = useT()
  const { succeeded, failed, dead } = endpoint.deliveries
  const items = [
    { key: 'succeeded', value: succeeded, icon: CheckIcon, tone: 'text-primary' },
    {
      key: 'failed',
      value: failed,
      icon: RotateCwIcon,
      tone: 'text-amber-700 dark:text-amber-400',
    },
    { key: 'dead', value: dead, icon: XIcon, tone: 'text-destructive' },
  ] as const
  return (
    <div className="flex gap-3 font-mono text-xs" data-test={`webhook-deliveries-${endpoint.id}`}>
      {items.map(({ key, value, icon: Icon, tone }) => (
        <span
          key={key}
          title={t(`webhooks.deliveries.${key}`)}
          className={cn('inline-flex items-center gap-1', value ? tone : 'text-muted-foreground')}
        >
          <Icon className="size-3.5" aria-hidden />
          <span className="sr-only">{t(`webhooks.deliveries.${key}`)}: </span>
          {value}
        </span>
      ))}
    </div>
  )
}

export default function WebhooksIndex({
  endpoints,
  events,
  headers,
  newSecret,
}: {
  endpoints: { data: WebhookRow[]; meta: PageMeta }
  events: WebhookEvent[]
  headers: { signature: string; timestamp: string }
  newSecret: NewSecret | null
}) {
  const t = useT()
  const { workspace } = usePage().props
  const [target, setTarget] = useState<Target>(null)
  if (!workspace) return null
  const canWrite = workspace.can.write
  const base = urlFor('w.webhooks.index', { workspaceSlug: workspace.slug })
  const { meta } = endpoints
  const secretEndpoint = newSecret
    ? endpoints.data.find((endpoint) => endpoint.id === newSecret.endpointId)
    : undefined

  const close = (open: boolean) => {
    if (!open) setTarget((current) => current && { ...current, open: false })
  }

  return (
    <>
      <PageHeader
        title={t('webhooks.title')}
        description={t('webhooks.subtitle')}
        actions={
          canWrite && (
            <Button
              onClick={() => setTarget({ kind: 'create', endpoint: null, open: true })}
              data-test="new-webhook"
            >
              <PlusIcon />
              {t('webhooks.new')}
            </Button>
          )
        }
      />

      {endpoints.data.length === 0 ? (
        <EmptyState icon={WebhookIcon} description={t('webhooks.none')} />
      ) : (
        <Card className="gap-0 py-2">
          <CardContent className="px-0">
            <Table>
              <TableHeader>
                <TableRow className="hover:bg-transparent">
                  <TableHead className="pl-6">{t('webhooks.name')}</TableHead>
                  <TableHead className="hidden md:table-cell">{t('webhooks.url')}</TableHead>
                  <TableHead className="hidden lg:table-cell">{t('webhooks.events')}</TableHead>
                  <TableHead>{t('common.status')}</TableHead>
                  <TableHead className="hidden md:table-cell">{t('webhooks.deliveries')}</TableHead>
                  {canWrite && (
                    <TableHead className="pr-6 text-right">
                      <span className="sr-only">{t('common.actions')}</span>
                    </TableHead>
                  )}
                </TableRow>
              </TableHeader>
              <TableBody>
                {endpoints.data.map((endpoint) => (
                  <TableRow key={endpoint.id} data-test={`webhook-row-${endpoint.id}`}>
                    <TableCell className="pl-6">
                      <div className="font-medium">{endpoint.name}</div>
                      <div className="font-mono text-xs text-muted-foreground">
                        <span className="sr-only">{t('webhooks.secret')}: </span>
                        <span data-test={`webhook-secret-hint-${endpoint.id}`}>
                          {endpoint.secretHint}
                        </span>
                      </div>
                    </TableCell>
                    <TableCell
                      className="hidden max-w-64 truncate font-mono text-xs md:table-cell"
                      title={endpoint.url}
                    >
                      {endpoint.url}
                    </TableCell>
                    <TableCell className="hidden lg:table-cell">
                      <div className="flex max-w-72 flex-wrap gap-1">
                        {endpoint.events.map((event) => (
                          <Badge
                            key={event}
                            variant="outline"
                            className="font-mono"
                            title={t(`webhooks.event.${event}`)}
                          >
                            {event}
                          </Badge>
                        ))}
                      </div>
                    </TableCell>
                    <TableCell>
                      {endpoint.isActive ? (
                        <Badge variant="success">{t('webhooks.active')}</Badge>
                      ) : (
                        <Badge variant="secondary">{t('webhooks.inactive')}</Badge>
                      )}
                    </TableCell>
                    <TableCell className="hidden md:table-cell">
                      <DeliveryCounts endpoint={endpoint} />
                    </TableCell>
                    {canWrite && (
                      <TableCell className="pr-6 text-right">
                        <div className="flex justify-end gap-1">
                          <TestWebhookButton endpoint={endpoint} />
                          <RowIconButton
                            icon={KeyRoundIcon}
                            label={t('webhooks.rotate')}
                            subject={endpoint.name}
                            onClick={() => setTarget({ kind: 'rotate', endpoint, open: true })}
                            test={`rotate-webhook-${endpoint.id}`}
                          />
                          <RowIconButton
                            icon={PencilIcon}
                            label={t('common.edit')}
                            subject={endpoint.name}
                            onClick={() => setTarget({ kind: 'edit', endpoint, open: true })}
                            test={`edit-webhook-${endpoint.id}`}
                          />
                          <RowIconButton
                            icon={Trash2Icon}
                            label={t('common.delete')}
                            subject={endpoint.name}
                            onClick={() => setTarget({ kind: 'delete', endpoint, open: true })}
                            destructive
                            test={`delete-webhook-${endpoint.id}`}
                          />
                        </div>
                      </TableCell>
                    )}
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </CardContent>
        </Card>
      )}

      <PaginationNav meta={meta} pageUrl={(page) => (page > 1 ? `${base}?page=${page}` : base)} />

      <SignatureHelp headers={headers} />

      {canWrite && (
        <>
          <WebhookFormDialog
            endpoint={target?.kind === 'edit' ? target.endpoint : null}
            events={events}
            open={(target?.kind === 'create' || target?.kind === 'edit') && target.open}
            onOpenChange={close}
          />
          <DeleteWebhookDialog
            endpoint={target?.kind === 'delete' ? target.endpoint : null}
            open={target?.kind === 'delete' && target.open}
            onOpenChange={close}
          />
          <RotateSecretDialog
            endpoint={target?.kind === 'rotate' ? target.endpoint : null}
            open={target?.kind === 'rotate' && target.open}
            onOpenChange={close}
          />
          {newSecret && (
            <NewSecretDialog
              secret={newSecret.secret}
              endpointName={secretEndpoint?.name ?? ''}
              open
              onOpenChange={(open) => {
                /** Also out of the history state: going back must not show it again. */
                if (!open) router.replaceProp('newSecret', null)
              }}
            />
          )}
        </>
      )}
    </>
  )
}
