import { useState } from 'react'
import { router, usePage } from '@inertiajs/react'
import { Link } from '@adonisjs/inertia/react'
import { UsersIcon } from 'lucide-react'
import { EmptyState } from '~/components/app/empty-state'
import { FilterBar, FilterPeriod, FilterSelect } from '~/components/app/filter-bar'
import { PageHeader } from '~/components/app/page-header'
import { ExportButton } from '~/components/exports/export-button'
import { PaginationNav } from '~/components/app/pagination-nav'
import { usePaymentDateFormat } from '~/components/payments/format'
import { timeOnPage, useDeviceLabel, useNow } from '~/components/visitors/format'
import type { Data } from '@generated/data'
import type { FunnelWithSteps as FunnelOption } from '#actions/visitors/visitor_rows'
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
import { useT } from '~/lib/i18n'
import { urlFor } from '~/lib/client'

/** A visitor row: VisitorTransformer's `row` variant (generated). */
type VisitorRow = Data.Visitor.Variants['row']

type Filters = {
  status: 'online' | 'offline' | 'all'
  funnelId: number | null
  stepId: number | null
  from: string | null
  to: string | null
}

/** The filter bar's values ("" when a filter is not set); the online / all toggle is apart. */
function formOf(filters: Filters) {
  return {
    funnelId: filters.funnelId ? String(filters.funnelId) : '',
    stepId: filters.stepId ? String(filters.stepId) : '',
    from: filters.from ?? '',
    to: filters.to ?? '',
  }
}

export default function VisitorsIndex({
  visitors,
  funnels,
  filters,
}: {
  visitors: { data: VisitorRow[]; meta: PageMeta }
  funnels: FunnelOption[]
  filters: Filters
}) {
  const t = useT()
  const now = useNow()
  const formatDate = usePaymentDateFormat()
  const deviceLabel = useDeviceLabel()
  const { workspace } = usePage().props
  const [draft, setDraft] = useState(() => formOf(filters))
  if (!workspace) return null
  const base = urlFor('w.visitors.index', { workspaceSlug: workspace.slug })
  const { meta } = visitors
  const steps = funnels.find((f) => String(f.id) === draft.funnelId)?.steps ?? []
  const filtered = Boolean(filters.funnelId || filters.stepId || filters.from || filters.to)
  /** Clearing the filters keeps the online / all choice. */
  const unfiltered = filters.status === 'online' ? base : `${base}?status=${filters.status}`

  /**
   * Query of a status and a set of filter values: "Aplicar" sends the draft, the pages and the
   * online / all toggle keep the applied filters (the props), so an unsubmitted change never
   * leaks into them.
   */
  const query = (status: Filters['status'], values: ReturnType<typeof formOf>, page = 1) => {
    const params: Record<string, string> = {}
    if (status !== 'online') params.status = status
    if (values.funnelId) params.funnelId = values.funnelId
    if (values.stepId) params.stepId = values.stepId
    if (values.from) params.from = values.from
    if (values.to) params.to = values.to
    if (page > 1) params.page = String(page)
    return params
  }
  const applied = formOf(filters)
  const pageUrl = (page: number) => {
    const search = new URLSearchParams(query(filters.status, applied, page)).toString()
    return search ? `${base}?${search}` : base
  }
  const apply = () => router.get(base, query(filters.status, draft), { preserveScroll: true })

  return (
    <>
      <PageHeader
        title={t('visitors.title')}
        description={t('visitors.subtitle')}
        actions={
          <>
            <ExportButton
              workspaceSlug={workspace.slug}
              kind="leads"
              label={t('exports.button_leads')}
              query={{ ...query(filters.status, applied), status: filters.status }}
            />
            <ExportButton
              workspaceSlug={workspace.slug}
              kind="visitors"
              query={{ ...query(filters.status, applied), status: filters.status }}
            />
          </>
        }
      />

      <div className="flex gap-2" role="group" data-test="visitors-status">
        {(['online', 'all'] as const).map((status) => (
          <Button
            key={status}
            variant={filters.status === status ? 'default' : 'outline'}
            size="sm"
            onClick={() => router.get(base, query(status, applied), { preserveScroll: true })}
            data-test={`status-${status}`}
          >
            {t(`visitors.status.${status}`)}
          </Button>
        ))}
      </div>

      <FilterBar
        onApply={apply}
        applyLabel={t('visitors.filter.apply')}
        clearLabel={t('visitors.filter.clear')}
        clearHref={filtered ? unfiltered : null}
        className="sm:grid-cols-2 lg:grid-cols-[1fr_1fr_auto_auto_auto] lg:items-end"
        data-test="visitor-filters"
      >
        <FilterSelect
          id="filter-funnel"
          label={t('visitors.filter.funnel')}
          allLabel={t('visitors.filter.all_funnels')}
          value={draft.funnelId}
          onValueChange={(funnelId) => setDraft({ ...draft, funnelId, stepId: '' })}
          data-test="filter-funnel"
        >
          {funnels.map((funnel) => (
            <option key={funnel.id} value={funnel.id}>
              {funnel.name}
            </option>
          ))}
        </FilterSelect>
        <FilterSelect
          id="filter-step"
          label={t('visitors.filter.step')}
          allLabel={t('visitors.filter.all_steps')}
          value={draft.stepId}
          disabled={steps.length === 0}
          onValueChange={(stepId) => setDraft({ ...draft, stepId })}
          data-test="filter-step"
        >
          {steps.map((step) => (
            <option key={step.id} value={step.id}>
              {step.name}
            </option>
          ))}
        </FilterSelect>
        <FilterPeriod
          fromLabel={t('visitors.filter.from')}
          toLabel={t('visitors.filter.to')}
          value={draft}
          onValueChange={(period) => setDraft({ ...draft, ...period })}
        />
      </FilterBar>

      {visitors.data.length === 0 ? (
        <EmptyState
          icon={UsersIcon}
          description={filters.status === 'online' ? t('visitors.none_online') : t('visitors.none')}
        />
      ) : (
        <Card className="gap-0 py-2">
          <CardContent className="px-0">
            <Table>
              <TableHeader>
                <TableRow className="hover:bg-transparent">
                  <TableHead className="pl-6">{t('visitors.col.step')}</TableHead>
                  <TableHead>{t('visitors.col.source')}</TableHead>
                  <TableHead>{t('visitors.col.time_on_page')}</TableHead>
                  <TableHead className="hidden md:table-cell">{t('visitors.col.device')}</TableHead>
                  <TableHead className="pr-6">{t('visitors.col.last_activity')}</TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {visitors.data.map((visitor) => (
                  <TableRow key={visitor.id} data-test={`visitor-row-${visitor.id}`}>
                    <TableCell className="pl-6">
                      <Link
                        route="w.visitors.show"
                        routeParams={{ workspaceSlug: workspace.slug, id: visitor.id }}
                        className="font-medium hover:underline"
                        data-test={`visitor-link-${visitor.id}`}
                      >
                        {visitor.stepName ?? t('visitors.no_step')}
                      </Link>
                      <div className="flex items-center gap-2 text-xs text-muted-foreground">
                        {visitor.funnelName ?? '—'}
                        {visitor.isOnline && (
                          <Badge variant="success">{t('visitors.online')}</Badge>
                        )}
                      </div>
                    </TableCell>
                    <TableCell>
                      {visitor.attribution.utmSource ?? t('visitors.direct')}
                      {visitor.attribution.utmCampaign && (
                        <div className="text-xs text-muted-foreground">
                          {visitor.attribution.utmCampaign}
                        </div>
                      )}
                    </TableCell>
                    <TableCell className="tabular-nums">
                      {timeOnPage(visitor, now) ?? '—'}
                    </TableCell>
                    <TableCell className="hidden md:table-cell">
                      {deviceLabel(visitor.device)}
                    </TableCell>
                    <TableCell className="pr-6 text-muted-foreground">
                      {formatDate(visitor.lastActivity)}
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </CardContent>
        </Card>
      )}

      <PaginationNav meta={meta} pageUrl={pageUrl} />
    </>
  )
}
