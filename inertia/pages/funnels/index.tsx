import { useEffect, useRef, useState } from 'react'
import { router, usePage } from '@inertiajs/react'
import { Link } from '@adonisjs/inertia/react'
import { ChevronLeftIcon, ChevronRightIcon, FunnelIcon, SearchIcon } from 'lucide-react'
import { EmptyState } from '~/components/app/empty-state'
import { PageHeader } from '~/components/app/page-header'
import { GatewayHealthBanner } from '~/components/app/gateway-health-banner'
import { CloneFunnelDialog } from '~/components/funnels/clone-funnel-dialog'
import { DeleteFunnelDialog } from '~/components/funnels/delete-funnel-dialog'
import { ArchiveFunnelDialog } from '~/components/funnels/archive-funnel-dialog'
import { FunnelRowMenu } from '~/components/funnels/funnel-row-menu'
import { FunnelStatusBadge } from '~/components/funnels/funnel-status-badge'
import { NewFunnelDialog } from '~/components/funnels/new-funnel-dialog'
import { useDateTimeFormat } from '~/components/funnels/format'
import { Button } from '~/components/ui/button'
import { Card } from '~/components/ui/card'
import { Input } from '~/components/ui/input'
import {
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from '~/components/ui/table'
import { useLocale, useT } from '~/lib/i18n'
import type { Data } from '@generated/data'
import type { CloneTarget, FunnelFilters } from '#controllers/admin/funnels_controller'
import type { Paginated } from '#services/pagination'
import { urlFor } from '~/lib/client'

type FunnelRow = Data.Funnel

/** Which dialog is open, and for which funnel. The row stays set while the dialog closes. */
type Target = { kind: 'clone' | 'delete' | 'archive'; funnel: FunnelRow; open: boolean } | null

/** Search (as you type), "show archived", and the page links keep each other's values. */
function useFilters(filters: FunnelFilters) {
  const { workspace } = usePage().props
  const [search, setSearch] = useState(filters.search)
  const [archived, setArchivedState] = useState(filters.archived)
  const first = useRef(true)

  function visit(next: Partial<FunnelFilters> & { page?: number }) {
    const merged = { search, archived, ...next }
    router.get(
      urlFor('w.funnels.index', { workspaceSlug: workspace?.slug ?? '' }),
      {
        ...(merged.search ? { search: merged.search } : {}),
        ...(merged.archived ? { archived: 'true' } : {}),
        ...(filters.active !== null ? { active: String(filters.active) } : {}),
        ...(next.page && next.page > 1 ? { page: next.page } : {}),
      },
      { preserveState: true, preserveScroll: true, replace: true }
    )
  }

  useEffect(() => {
    if (first.current) {
      first.current = false
      return
    }
    const timer = setTimeout(() => visit({ search }), 300)
    return () => clearTimeout(timer)
  }, [search])

  /** The box follows the click at once; the list follows the server. */
  function setArchived(value: boolean) {
    setArchivedState(value)
    visit({ archived: value })
  }

  return { search, setSearch, archived, setArchived, visit }
}

export default function FunnelsIndex({
  funnels,
  filters,
  cloneTargets,
  archivedCount = 0,
}: {
  funnels: Paginated<FunnelRow>
  filters: FunnelFilters
  cloneTargets: CloneTarget[]
  /** Archived funnels hidden from an empty list (0 otherwise). */
  archivedCount?: number
  /** The workspace's public address (the slug field's hint reads it from the page props). */
  siteUrl: string
}) {
  const t = useT()
  const { workspace } = usePage().props
  const formatDate = useDateTimeFormat()
  const locale = useLocale()
  /** Counts read as numbers in the page's language (the page contract types them `number`). */
  const number = (value: number) => new Intl.NumberFormat(locale).format(value)
  const { search, setSearch, archived, setArchived, visit } = useFilters(filters)
  const [target, setTarget] = useState<Target>(null)
  const { meta } = funnels
  const filtered = filters.search !== '' || filters.active !== null

  const close = (open: boolean) => {
    if (!open) setTarget((current) => current && { ...current, open: false })
  }

  if (!workspace) return null

  return (
    <>
      <GatewayHealthBanner />
      <PageHeader
        title={t('funnels.title')}
        description={t('funnels.subtitle')}
        actions={<NewFunnelDialog />}
      />

      <div className="flex flex-col gap-3 sm:flex-row sm:items-center sm:justify-between">
        <div className="relative w-full sm:max-w-xs">
          <SearchIcon
            aria-hidden="true"
            className="pointer-events-none absolute top-1/2 left-3 size-4 -translate-y-1/2 text-muted-foreground"
          />
          <Input
            type="search"
            value={search}
            onChange={(event) => setSearch(event.target.value)}
            placeholder={t('funnels.search')}
            aria-label={t('funnels.search')}
            className="pl-9"
            data-test="funnel-search"
          />
        </div>
        <label className="flex items-center gap-2 text-sm text-muted-foreground">
          <input
            type="checkbox"
            checked={archived}
            onChange={(event) => setArchived(event.target.checked)}
            className="size-4 accent-primary"
            data-test="show-archived"
          />
          {t('funnels.show_archived')}
        </label>
      </div>

      {funnels.data.length === 0 && !filtered && !archived && archivedCount > 0 ? (
        <EmptyState
          icon={FunnelIcon}
          title={t('funnels.empty.all_archived')}
          description={t('funnels.empty.all_archived_text', { count: archivedCount })}
        >
          <Button variant="outline" onClick={() => setArchived(true)} data-test="show-archived-cta">
            {t('funnels.show_archived')}
          </Button>
        </EmptyState>
      ) : funnels.data.length === 0 ? (
        <EmptyState
          icon={FunnelIcon}
          title={filtered ? t('funnels.empty.filtered') : t('funnels.empty.title')}
          description={filtered ? t('funnels.empty.filtered_hint') : t('funnels.empty.text')}
        />
      ) : (
        <Card className="gap-0 py-0">
          <Table>
            <TableHeader>
              <TableRow className="hover:bg-transparent">
                <TableHead className="w-full pl-6">{t('common.name')}</TableHead>
                <TableHead>{t('common.status')}</TableHead>
                <TableHead className="text-right">{t('funnels.steps')}</TableHead>
                <TableHead className="hidden md:table-cell">{t('funnels.updated_at')}</TableHead>
                <TableHead className="pr-6 text-right">
                  <span className="sr-only">{t('common.actions')}</span>
                </TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {funnels.data.map((funnel) => (
                <TableRow key={funnel.id} data-test={`funnel-row-${funnel.slug}`}>
                  <TableCell className="max-w-0 pl-6">
                    <div className="flex min-w-0 flex-col gap-0.5">
                      <Link
                        route="w.funnels.show"
                        routeParams={{ workspaceSlug: workspace.slug, id: funnel.id }}
                        className="w-fit max-w-full truncate font-medium underline-offset-4 outline-none hover:underline focus-visible:underline"
                        data-test="funnel-link"
                      >
                        {funnel.name}
                      </Link>
                      <span
                        className="truncate font-mono text-xs text-muted-foreground"
                        title={funnel.publicUrl}
                        data-test="funnel-url"
                      >
                        {funnel.publicUrl.replace(/^https?:\/\//, '')}
                      </span>
                    </div>
                  </TableCell>
                  <TableCell>
                    <FunnelStatusBadge status={funnel.status} />
                  </TableCell>
                  <TableCell className="text-right tabular-nums" data-test="funnel-steps-count">
                    {number(funnel.stepsCount)}
                  </TableCell>
                  <TableCell className="hidden text-muted-foreground md:table-cell">
                    {funnel.updatedAt ? formatDate(funnel.updatedAt) : '—'}
                  </TableCell>
                  <TableCell className="pr-6 text-right">
                    <FunnelRowMenu
                      funnel={funnel}
                      onClone={() => setTarget({ kind: 'clone', funnel, open: true })}
                      onDelete={() => setTarget({ kind: 'delete', funnel, open: true })}
                      onArchive={() => setTarget({ kind: 'archive', funnel, open: true })}
                    />
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </Card>
      )}

      {meta.lastPage > 1 && (
        <nav
          className="flex items-center justify-between gap-4 text-sm text-muted-foreground"
          aria-label={t('funnels.pagination')}
        >
          <span>
            {t('funnels.page_of', { page: meta.currentPage, pages: meta.lastPage })} ·{' '}
            {t('funnels.total', { total: meta.total })}
          </span>
          <div className="flex gap-2">
            <Button
              variant="outline"
              size="sm"
              disabled={meta.currentPage <= 1}
              onClick={() => visit({ page: meta.currentPage - 1 })}
              data-test="page-previous"
            >
              <ChevronLeftIcon />
              {t('funnels.previous')}
            </Button>
            <Button
              variant="outline"
              size="sm"
              disabled={meta.currentPage >= meta.lastPage}
              onClick={() => visit({ page: meta.currentPage + 1 })}
              data-test="page-next"
            >
              {t('funnels.next')}
              <ChevronRightIcon />
            </Button>
          </div>
        </nav>
      )}

      <CloneFunnelDialog
        funnel={target?.kind === 'clone' ? target.funnel : null}
        targets={cloneTargets}
        open={target?.kind === 'clone' && target.open}
        onOpenChange={close}
      />
      <ArchiveFunnelDialog
        funnel={target?.kind === 'archive' ? target.funnel : null}
        open={target?.kind === 'archive' && target.open}
        onOpenChange={close}
      />
      <DeleteFunnelDialog
        funnel={target?.kind === 'delete' ? target.funnel : null}
        open={target?.kind === 'delete' && target.open}
        onOpenChange={close}
      />
    </>
  )
}
