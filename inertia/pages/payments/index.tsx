import { useState } from 'react'
import { router, usePage } from '@inertiajs/react'
import { Link } from '@adonisjs/inertia/react'
import { BanknoteIcon } from 'lucide-react'
import { EmptyState } from '~/components/app/empty-state'
import { FilterBar, FilterPeriod, FilterSelect } from '~/components/app/filter-bar'
import { PageHeader } from '~/components/app/page-header'
import { ExportButton } from '~/components/exports/export-button'
import { PaginationNav } from '~/components/app/pagination-nav'
import { PaymentStatusBadge } from '~/components/payments/status-badge'
import { usePaymentDateFormat } from '~/components/payments/format'
import type { Data } from '@generated/data'
import type { PageMeta } from '#services/pagination'
import type ListPayments from '#actions/payments/list_payments'
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '~/components/ui/card'
import {
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from '~/components/ui/table'
import { formatBRL } from '~/lib/money'
import { useT } from '~/lib/i18n'
import { urlFor } from '~/lib/client'

/** PaymentTransformer's list row (generated) and ListPayments' totals per status. */
type PaymentRow = Data.Payment
type PaymentStatus = PaymentRow['status']
type Totals = Awaited<ReturnType<typeof ListPayments.handle>>['totals']

const STATUSES: PaymentStatus[] = [
  'pending',
  'paid',
  'failed',
  'cancelled',
  'expired',
  'refunded',
  'chargedback',
]

type Filters = {
  status: PaymentStatus | null
  funnelId: number | null
  from: string | null
  to: string | null
}

/** The filter bar's values ("" when a filter is not set). */
function formOf(filters: Filters) {
  return {
    status: filters.status ?? '',
    funnelId: filters.funnelId ? String(filters.funnelId) : '',
    from: filters.from ?? '',
    to: filters.to ?? '',
  }
}

export default function PaymentsIndex({
  payments,
  totals,
  funnels,
  filters,
}: {
  payments: { data: PaymentRow[]; meta: PageMeta }
  totals: Totals
  funnels: Array<{ id: number; name: string }>
  filters: Filters
}) {
  const t = useT()
  const formatDate = usePaymentDateFormat()
  const { workspace } = usePage().props
  const [draft, setDraft] = useState(() => formOf(filters))
  if (!workspace) return null
  const base = urlFor('w.payments.index', { workspaceSlug: workspace.slug })
  const { meta } = payments
  const filtered = Boolean(filters.status || filters.funnelId || filters.from || filters.to)

  /**
   * Query of a set of filter values: "Aplicar" sends the draft, the pages keep the applied
   * filters (the props), so an unsubmitted change never leaks into "Próxima".
   */
  const query = (values: ReturnType<typeof formOf>, page = 1) => {
    const params: Record<string, string> = {}
    if (values.status) params.status = values.status
    if (values.funnelId) params.funnelId = values.funnelId
    if (values.from) params.from = values.from
    if (values.to) params.to = values.to
    if (page > 1) params.page = String(page)
    return params
  }
  const applied = formOf(filters)
  const pageUrl = (page: number) => {
    const search = new URLSearchParams(query(applied, page)).toString()
    return search ? `${base}?${search}` : base
  }
  const apply = () => router.get(base, query(draft), { preserveScroll: true })

  const cards = [
    { key: 'paid', tone: 'text-emerald-700 dark:text-emerald-400' },
    { key: 'pending', tone: 'text-amber-700 dark:text-amber-400' },
    { key: 'failed', tone: 'text-muted-foreground' },
    { key: 'refunded', tone: 'text-muted-foreground' },
  ] as const

  return (
    <>
      <PageHeader
        title={t('payments.title')}
        description={t('payments.subtitle')}
        actions={
          <ExportButton workspaceSlug={workspace.slug} kind="payments" query={query(applied)} />
        }
      />

      <div className="grid gap-4 sm:grid-cols-2 xl:grid-cols-4">
        {cards.map(({ key, tone }) => (
          <Card key={key} className="gap-2 py-4" data-test={`total-${key}`}>
            <CardHeader className="px-5">
              <CardDescription>{t(`payments.totals.${key}`)}</CardDescription>
              <CardTitle className={`text-2xl tabular-nums ${tone}`}>
                {formatBRL(totals[key].cents)}
              </CardTitle>
            </CardHeader>
            <CardContent className="px-5 text-xs text-muted-foreground">
              {t('payments.totals.count', { count: totals[key].count })}
            </CardContent>
          </Card>
        ))}
      </div>

      <FilterBar
        onApply={apply}
        applyLabel={t('payments.filter.apply')}
        clearLabel={t('payments.filter.clear')}
        clearHref={filtered ? base : null}
        className="sm:grid-cols-2 lg:grid-cols-[1fr_1fr_auto_auto_auto] lg:items-end"
        data-test="payment-filters"
      >
        <FilterSelect
          id="filter-status"
          label={t('payments.filter.status')}
          allLabel={t('payments.filter.all_statuses')}
          value={draft.status}
          onValueChange={(status) => setDraft({ ...draft, status })}
          data-test="filter-status"
        >
          {STATUSES.map((status) => (
            <option key={status} value={status}>
              {t(`payments.status.${status}`)}
            </option>
          ))}
        </FilterSelect>
        <FilterSelect
          id="filter-funnel"
          label={t('payments.filter.funnel')}
          allLabel={t('payments.filter.all_funnels')}
          value={draft.funnelId}
          onValueChange={(funnelId) => setDraft({ ...draft, funnelId })}
          data-test="filter-funnel"
        >
          {funnels.map((funnel) => (
            <option key={funnel.id} value={funnel.id}>
              {funnel.name}
            </option>
          ))}
        </FilterSelect>
        <FilterPeriod
          fromLabel={t('payments.filter.from')}
          toLabel={t('payments.filter.to')}
          value={draft}
          onValueChange={(period) => setDraft({ ...draft, ...period })}
        />
      </FilterBar>

      {payments.data.length === 0 ? (
        <EmptyState
          icon={BanknoteIcon}
          description={filtered ? t('payments.none_filtered') : t('payments.none')}
        />
      ) : (
        <Card className="gap-0 py-2">
          <CardContent className="px-0">
            <Table>
              <TableHeader>
                <TableRow className="hover:bg-transparent">
                  <TableHead className="pl-6">{t('payments.col.customer')}</TableHead>
                  <TableHead>{t('payments.col.amount')}</TableHead>
                  <TableHead>{t('payments.col.status')}</TableHead>
                  <TableHead className="hidden md:table-cell">{t('payments.col.funnel')}</TableHead>
                  <TableHead className="hidden lg:table-cell">
                    {t('payments.col.gateway')}
                  </TableHead>
                  <TableHead className="pr-6">{t('payments.col.created')}</TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {payments.data.map((payment) => (
                  <TableRow key={payment.id} data-test={`payment-row-${payment.id}`}>
                    <TableCell className="pl-6">
                      <Link
                        route="w.payments.show"
                        routeParams={{ workspaceSlug: workspace.slug, id: payment.id }}
                        className="font-medium hover:underline"
                        data-test={`payment-link-${payment.id}`}
                      >
                        {payment.customer.name ?? `#${payment.id}`}
                      </Link>
                      <div className="text-xs text-muted-foreground">
                        {payment.customer.email}
                        {payment.parentPaymentId && ` · ${t('payments.kind.upsell')}`}
                      </div>
                    </TableCell>
                    <TableCell className="tabular-nums">{payment.amount}</TableCell>
                    <TableCell>
                      <PaymentStatusBadge
                        status={payment.status}
                        failure={payment.failure}
                        paidAfterExpiry={payment.paidAfterExpiry}
                      />
                    </TableCell>
                    <TableCell className="hidden md:table-cell">
                      {payment.funnelName ?? '—'}
                    </TableCell>
                    <TableCell className="hidden text-muted-foreground lg:table-cell">
                      {t(`payments.gateway.${payment.gateway}`)}
                    </TableCell>
                    <TableCell className="pr-6 text-muted-foreground">
                      {formatDate(payment.createdAt)}
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
