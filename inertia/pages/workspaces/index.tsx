import { useState } from 'react'
import { usePage } from '@inertiajs/react'
import { Link } from '@adonisjs/inertia/react'
import { ArchiveIcon, ExternalLinkIcon, LayersIcon, PencilIcon } from 'lucide-react'
import { EmptyState } from '~/components/app/empty-state'
import { PageHeader } from '~/components/app/page-header'
import { ArchiveWorkspaceDialog } from '~/components/workspaces/archive-workspace-dialog'
import { CreateWorkspaceDialog } from '~/components/workspaces/create-workspace-dialog'
import { EditWorkspaceDialog } from '~/components/workspaces/edit-workspace-dialog'
import { Badge } from '~/components/ui/badge'
import { Card, CardContent, CardHeader, CardTitle } from '~/components/ui/card'
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
import type { Data } from '@generated/data'
import type { AgencyWithWorkspaces } from '#controllers/admin/workspaces_controller'

type WorkspaceRow = Data.Workspace.Variants['detail']

/** Which dialog is open, and for which workspace. The row stays set while the dialog closes. */
type Target = { kind: 'edit' | 'archive'; workspace: WorkspaceRow; open: boolean } | null

function AgencyCard({
  agency,
  onEdit,
  onArchive,
}: {
  agency: AgencyWithWorkspaces
  onEdit: (workspace: WorkspaceRow) => void
  onArchive: (workspace: WorkspaceRow) => void
}) {
  const t = useT()
  const { appDomain } = usePage().props

  return (
    <Card className="gap-4 pb-2">
      <CardHeader>
        <CardTitle className="flex items-center gap-2">
          {agency.name}
          <Badge variant="secondary" className="tabular-nums">
            {agency.workspaces.length}
          </Badge>
          {agency.canManage && (
            <Link
              route="agencies.brand.show"
              routeParams={{ id: agency.id }}
              className="ml-auto text-sm font-normal text-primary hover:underline"
              data-test={`agency-brand-link-${agency.id}`}
            >
              {t('agency_brand.nav')}
            </Link>
          )}
        </CardTitle>
      </CardHeader>
      <CardContent className="px-0">
        {agency.workspaces.length === 0 ? (
          <p className="px-6 py-6 text-sm text-muted-foreground">{t('common.empty')}</p>
        ) : (
          <Table>
            <TableHeader>
              <TableRow className="hover:bg-transparent">
                <TableHead className="pl-6">{t('common.name')}</TableHead>
                <TableHead className="hidden md:table-cell">{t('workspaces.role')}</TableHead>
                <TableHead className="hidden md:table-cell">{t('workspaces.timezone')}</TableHead>
                <TableHead className="hidden lg:table-cell">
                  {t('workspaces.custom_domain')}
                </TableHead>
                <TableHead>{t('common.status')}</TableHead>
                {agency.canManage && (
                  <TableHead className="pr-6 text-right">
                    <span className="sr-only">{t('common.actions')}</span>
                  </TableHead>
                )}
              </TableRow>
            </TableHeader>
            <TableBody>
              {agency.workspaces.map((workspace) => {
                const archived = workspace.archivedAt !== null
                return (
                  <TableRow key={workspace.id} data-test={`workspace-row-${workspace.slug}`}>
                    <TableCell className="pl-6">
                      <div className="flex flex-col gap-0.5">
                        {archived ? (
                          <span className="font-medium text-muted-foreground">
                            {workspace.name}
                          </span>
                        ) : (
                          <Link
                            route="w.dashboard"
                            routeParams={{ workspaceSlug: workspace.slug }}
                            className="w-fit font-medium underline-offset-4 outline-none hover:underline focus-visible:underline"
                          >
                            {workspace.name}
                          </Link>
                        )}
                        <span className="font-mono text-xs text-muted-foreground">
                          {workspace.slug}.{appDomain}
                        </span>
                      </div>
                    </TableCell>
                    <TableCell className="hidden text-muted-foreground md:table-cell">
                      {workspace.role ? t(`roles.${workspace.role}`) : '—'}
                    </TableCell>
                    <TableCell className="hidden text-muted-foreground md:table-cell">
                      {workspace.timezone.replaceAll('_', ' ')}
                    </TableCell>
                    <TableCell className="hidden text-muted-foreground lg:table-cell">
                      {workspace.customDomain ? (
                        <span className="inline-flex items-center gap-1 font-mono text-xs">
                          <ExternalLinkIcon className="size-3" aria-hidden="true" />
                          {workspace.customDomain}
                        </span>
                      ) : (
                        <span aria-label={t('common.none')}>—</span>
                      )}
                    </TableCell>
                    <TableCell>
                      {archived ? (
                        <Badge variant="secondary">{t('common.archived')}</Badge>
                      ) : (
                        <Badge variant="success">{t('common.active')}</Badge>
                      )}
                    </TableCell>
                    {agency.canManage && (
                      <TableCell className="pr-6 text-right">
                        {!archived && (
                          <div className="flex justify-end gap-1">
                            <RowIconButton
                              icon={PencilIcon}
                              label={t('common.edit')}
                              subject={workspace.name}
                              onClick={() => onEdit(workspace)}
                              test={`edit-${workspace.slug}`}
                            />
                            <RowIconButton
                              icon={ArchiveIcon}
                              label={t('common.archive')}
                              subject={workspace.name}
                              onClick={() => onArchive(workspace)}
                              destructive
                              test={`archive-${workspace.slug}`}
                            />
                          </div>
                        )}
                      </TableCell>
                    )}
                  </TableRow>
                )
              })}
            </TableBody>
          </Table>
        )}
      </CardContent>
    </Card>
  )
}

export default function WorkspacesIndex({
  agencies,
  timezones,
}: {
  agencies: AgencyWithWorkspaces[]
  timezones: string[]
}) {
  const t = useT()
  const [target, setTarget] = useState<Target>(null)
  const manageable = agencies.filter((agency) => agency.canManage)

  const close = (open: boolean) => {
    if (!open) setTarget((current) => current && { ...current, open: false })
  }

  return (
    <>
      <PageHeader
        title={t('workspaces.title')}
        description={t('workspaces.subtitle')}
        actions={<CreateWorkspaceDialog agencies={manageable} timezones={timezones} />}
      />

      {agencies.length === 0 ? (
        <EmptyState icon={LayersIcon} description={t('workspaces.none')} />
      ) : (
        agencies.map((agency) => (
          <AgencyCard
            key={agency.id}
            agency={agency}
            onEdit={(workspace) => setTarget({ kind: 'edit', workspace, open: true })}
            onArchive={(workspace) => setTarget({ kind: 'archive', workspace, open: true })}
          />
        ))
      )}

      <EditWorkspaceDialog
        workspace={target?.kind === 'edit' ? target.workspace : null}
        open={target?.kind === 'edit' && target.open}
        onOpenChange={close}
        timezones={timezones}
      />
      <ArchiveWorkspaceDialog
        workspace={target?.kind === 'archive' ? target.workspace : null}
        open={target?.kind === 'archive' && target.open}
        onOpenChange={close}
      />
    </>
  )
}
