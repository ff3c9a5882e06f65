import { useState } from 'react'
import { router, usePage } from '@inertiajs/react'
import { Link } from '@adonisjs/inertia/react'
import { useLiveDeliveries } from '~/components/deliveries/use_live_deliveries'
import { PanelRightOpenIcon, SendIcon, XIcon } from 'lucide-react'
import { EmptyState } from '~/components/app/empty-state'
import { FilterBar, FilterPeriod, FilterSelect } from '~/components/app/filter-bar'
import { PageHeader } from '~/components/app/page-header'
import { ExportButton } from '~/components/exports/export-button'
import { Badge } from '~/components/ui/badge'
import { PaginationNav } from '~/components/app/pagination-nav'
import { DeliveryChart, type DeliveryChartData } from '~/components/deliveries/delivery-chart'
import { DeliverySheet } from '~/components/deliveries/delivery-sheet'
import { QueueCard } from '~/components/deliveries/queue-card'
import { DestinationHealth } from '~/components/deliveries/destination-health'
import { useDestination } from '~/components/deliveries/format'
import { RedeliverButton } from '~/components/deliveries/redeliver-button'
import { DeliveryStatusBadge } from '~/components/deliveries/status-badge'
import type { Data } from '@generated/data'
import type { DeliveryTotals } from '#actions/postbacks/list_deliveries'
import type { QueueState } from '#services/queue_depth_check'
import { DELIVERY_STATUSES, DELIVERY_TARGETS } from '~/components/deliveries/options'
import { usePaymentDateFormat } from '~/components/payments/format'
import type { PageMeta } from '#services/pagination'
import { Button } from '~/components/ui/button'
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '~/components/ui/card'
import {
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from '~/components/ui/table'
import { useT } from '~/lib/i18n'
import { describeDeliveryError } from '~/components/deliveries/delivery_error'
import { urlFor } from '~/lib/client'

type DeliveryDetail = Data.Delivery.Variants['detail']
type DeliveryRow = Data.Delivery
type DeliveryStatus = Data.Delivery['status']
type DeliveryTarget = Data.Delivery['target']

type Filters = {
  status: DeliveryStatus | null
  target: DeliveryTarget | null
  event: string | null
  paymentId: number | null
  webhookEndpointId: number | null
  from: string | null
  to: string | null
}

const TONES: Record<DeliveryStatus, string> = {
  pending: 'text-foreground',
  succeeded: 'text-emerald-700 dark:text-emerald-400',
  failed: 'text-amber-700 dark:text-amber-400',
  dead: 'text-destructive',
}

/**
 * The filter bar's values. The destination is a target or one webhook endpoint
 * (`endpoint:<id>`, sent as `target=custom&webhookEndpointId=<id>`).
 */
function formOf(filters: Filters) {
  return {
    status: filters.status ?? '',
    destination: filters.webhookEndpointId
      ? `endpoint:${filters.webhookEndpointId}`
      : (filters.target ?? ''),
    event: filters.event ?? '',
    from: filters.from ?? '',
    to: filters.to ?? '',
  }
}

export default function DeliveriesIndex({
  deliveries,
  totals,
  queues,
  chart,
  options,
  filters,
  selected,
}: {
  deliveries: { data: DeliveryRow[]; meta: PageMeta }
  totals: DeliveryTotals
  /** Null for members who do not manage the workspace (the queues are the platform's). */
  queues: QueueState[] | null
  chart: DeliveryChartData
  options: { endpoints: Array<{ id: number; name: string }>; events: string[] }
  filters: Filters
  selected: DeliveryDetail | null
}) {
  const t = useT()
  const formatDate = usePaymentDateFormat()
  const destination = useDestination()
  const { workspace } = usePage().props
  const [draft, setDraft] = useState(() => formOf(filters))
  /** Deliveries change under the agency's eyes during a launch: the list and chart follow live. */
  const live = useLiveDeliveries(['deliveries', 'totals', 'queues', 'chart'])
  if (!workspace) return null
  const base = urlFor('w.deliveries.index', { workspaceSlug: workspace.slug })
  const { meta } = deliveries
  const filtered = Boolean(
    filters.status ||
    filters.target ||
    filters.event ||
    filters.paymentId ||
    filters.webhookEndpointId ||
    filters.from ||
    filters.to
  )

  /** Query string of a set of filters (the payment filter comes from links, kept as is). */
  const search = (
    values: ReturnType<typeof formOf>,
    page = 1,
    paymentId: number | null = filters.paymentId
  ) => {
    const params = new URLSearchParams()
    if (values.status) params.set('status', values.status)
    if (values.destination.startsWith('endpoint:')) {
      params.set('target', 'custom')
      params.set('webhookEndpointId', values.destination.slice('endpoint:'.length))
    } else if (values.destination) {
      params.set('target', values.destination)
    }
    if (values.event) params.set('event', values.event)
    if (paymentId) params.set('paymentId', String(paymentId))
    if (values.from) params.set('from', values.from)
    if (values.to) params.set('to', values.to)
    if (page > 1) params.set('page', String(page))
    const text = params.toString()
    return text ? `?${text}` : ''
  }
  const applied = formOf(filters)
  const current = search(applied, meta.currentPage)
  const pageUrl = (page: number) => `${base}${search(applied, page)}`

  const apply = () => router.visit(`${base}${search(draft)}`, { preserveScroll: true })
  /** The sheet has its own URL; opening or closing it reloads `selected` alone. */
  const openDetail = (id: number) =>
    router.visit(
      `${urlFor('w.deliveries.show', { workspaceSlug: workspace.slug, id })}${current}`,
      {
        only: ['selected'],
        preserveState: true,
        preserveScroll: true,
      }
    )
  const closeDetail = () =>
    router.visit(`${base}${current}`, {
      only: ['selected'],
      preserveState: true,
      preserveScroll: true,
    })

  return (
    <>
      <PageHeader
        title={t('deliveries.title')}
        description={t('deliveries.subtitle')}
        actions={
          <>
            <ExportButton
              workspaceSlug={workspace.slug}
              kind="deliveries"
              query={{
                status: filters.status,
                target: filters.target,
                event: filters.event,
                paymentId: filters.paymentId,
                webhookEndpointId: filters.webhookEndpointId,
                from: filters.from,
                to: filters.to,
              }}
            />
            <Badge
              variant={live ? 'success' : 'outline'}
              data-test="deliveries-live"
              data-live={live ? 'true' : 'false'}
            >
              {live ? t('deliveries.live') : t('deliveries.connecting')}
            </Badge>
          </>
        }
      />

      <div className="grid grid-cols-2 gap-3 sm:gap-4 xl:grid-cols-4">
        {DELIVERY_STATUSES.map((status) => (
          <Link
            key={status}
            href={`${base}${search({ ...applied, status: filters.status === status ? '' : status })}`}
            preserveScroll
            className="rounded-xl focus-visible:ring-[3px] focus-visible:ring-ring/50 focus-visible:outline-none"
          >
            <Card
              className={`h-full gap-2 py-4 transition-colors hover:bg-muted/40 ${filters.status === status ? 'border-primary' : ''}`}
              data-test={`total-${status}`}
            >
              <CardHeader className="px-5">
                <CardDescription>{t(`deliveries.totals.${status}`)}</CardDescription>
                <CardTitle className={`text-2xl tabular-nums ${TONES[status]}`}>
                  {totals[status]}
                </CardTitle>
              </CardHeader>
            </Card>
          </Link>
        ))}
      </div>

      <DeliveryChart chart={chart} />
      <DestinationHealth
        destinations={chart.destinations}
        hrefOf={(row) =>
          `${base}${search({
            ...applied,
            destination: row.webhookEndpoint ? `endpoint:${row.webhookEndpoint.id}` : row.target,
          })}`
        }
      />

      {queues && (
        <section className="space-y-2" data-test="queues">
          <div className="flex flex-wrap items-baseline justify-between gap-x-3">
            <h2 className="text-sm font-medium">{t('deliveries.queues.title')}</h2>
            <p className="text-xs text-muted-foreground">{t('deliveries.queues.hint')}</p>
          </div>
          <div className="grid gap-3 sm:grid-cols-2 xl:grid-cols-4">
            {queues.map((queue) => (
              <QueueCard key={queue.name} queue={queue} />
            ))}
          </div>
        </section>
      )}

      <FilterBar
        onApply={apply}
        applyLabel={t('deliveries.filter.apply')}
        clearLabel={t('deliveries.filter.clear')}
        clearHref={filtered ? base : null}
        className="sm:grid-cols-2 sm:items-end lg:grid-cols-3 2xl:grid-cols-[1fr_1fr_1fr_auto_auto_auto]"
        data-test="delivery-filters"
        footer={
          filters.paymentId && (
            <div className="sm:col-span-2 lg:col-span-3 2xl:col-span-6">
              <Button asChild variant="secondary" size="sm" data-test="filter-payment">
                <Link href={`${base}${search(applied, 1, null)}`} preserveScroll>
                  {t('deliveries.filter.payment', { id: filters.paymentId })}
                  <XIcon />
                </Link>
              </Button>
            </div>
          )
        }
      >
        <FilterSelect
          id="filter-status"
          label={t('deliveries.filter.status')}
          allLabel={t('deliveries.filter.all_statuses')}
          value={draft.status}
          onValueChange={(status) => setDraft({ ...draft, status })}
          data-test="filter-status"
        >
          {DELIVERY_STATUSES.map((status) => (
            <option key={status} value={status}>
              {t(`deliveries.status.${status}`)}
            </option>
          ))}
        </FilterSelect>
        <FilterSelect
          id="filter-target"
          label={t('deliveries.filter.target')}
          allLabel={t('deliveries.filter.all_targets')}
          value={draft.destination}
          onValueChange={(destination) => setDraft({ ...draft, destination })}
          data-test="filter-target"
        >
          {DELIVERY_TARGETS.map((target) => (
            <option key={target} value={target}>
              {target === 'custom'
                ? t('deliveries.filter.all_webhooks')
                : t(`deliveries.target.${target}`)}
            </option>
          ))}
          {options.endpoints.map((endpoint) => (
            <option key={endpoint.id} value={`endpoint:${endpoint.id}`}>
              {t('deliveries.target.custom_named', { name: endpoint.name })}
            </option>
          ))}
        </FilterSelect>
        <FilterSelect
          id="filter-event"
          label={t('deliveries.filter.event')}
          allLabel={t('deliveries.filter.all_events')}
          value={draft.event}
          onValueChange={(event) => setDraft({ ...draft, event })}
          data-test="filter-event"
        >
          {[
            ...options.events,
            ...(filters.event && !options.events.includes(filters.event) ? [filters.event] : []),
          ].map((event) => (
            <option key={event} value={event}>
              {event}
            </option>
          ))}
        </FilterSelect>
        <FilterPeriod
          fromLabel={t('deliveries.filter.from')}
          toLabel={t('deliveries.filter.to')}
          value={draft}
          onValueChange={(period) => setDraft({ ...draft, ...period })}
        />
      </FilterBar>

      {deliveries.data.length === 0 ? (
        <EmptyState
          icon={SendIcon}
          description={filtered ? t('deliveries.none_filtered') : t('deliveries.none')}
        />
      ) : (
        <Card className="gap-0 py-2">
          <CardContent className="px-0">
            <Table>
              <TableHeader>
                <TableRow className="hover:bg-transparent">
                  <TableHead className="hidden pl-6 sm:table-cell">
                    {t('deliveries.col.when')}
                  </TableHead>
                  <TableHead className="pl-6 sm:pl-3">{t('deliveries.col.target')}</TableHead>
                  <TableHead className="hidden md:table-cell">
                    {t('deliveries.col.payment')}
                  </TableHead>
                  <TableHead>{t('deliveries.col.status')}</TableHead>
                  <TableHead className="hidden lg:table-cell">
                    {t('deliveries.col.answer')}
                  </TableHead>
                  <TableHead className="pr-6 text-right">
                    <span className="sr-only">{t('common.actions')}</span>
                  </TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {deliveries.data.map((delivery) => (
                  <TableRow key={delivery.id} data-test={`delivery-row-${delivery.id}`}>
                    <TableCell className="hidden pl-6 text-xs whitespace-nowrap text-muted-foreground sm:table-cell">
                      {formatDate(delivery.createdAt)}
                    </TableCell>
                    <TableCell className="pl-6 sm:pl-3">
                      <div className="font-medium">{destination(delivery)}</div>
                      <div className="font-mono text-xs text-muted-foreground">
                        {delivery.event}
                      </div>
                      <div className="text-xs text-muted-foreground sm:hidden">
                        {formatDate(delivery.createdAt)}
                      </div>
                    </TableCell>
                    <TableCell className="hidden md:table-cell">
                      {delivery.paymentId ? (
                        <Link
                          route="w.payments.show"
                          routeParams={{ workspaceSlug: workspace.slug, id: delivery.paymentId }}
                          className="hover:underline"
                          data-test={`delivery-payment-${delivery.id}`}
                        >
                          #{delivery.paymentId}
                        </Link>
                      ) : (
                        '—'
                      )}
                    </TableCell>
                    <TableCell>
                      <DeliveryStatusBadge status={delivery.status} />
                      <div className="mt-1 text-xs text-muted-foreground">
                        {t('deliveries.attempts', { count: delivery.attempts })}
                      </div>
                    </TableCell>
                    <TableCell className="hidden max-w-72 text-xs lg:table-cell">
                      <div className="tabular-nums">
                        {delivery.responseStatus === null ? (
                          <span className="text-muted-foreground">—</span>
                        ) : (
                          <span className="font-medium">HTTP {delivery.responseStatus}</span>
                        )}
                        {delivery.durationMs !== null && (
                          <span className="text-muted-foreground">
                            {' · '}
                            {t('deliveries.duration_ms', { ms: delivery.durationMs })}
                          </span>
                        )}
                      </div>
                      {delivery.lastError &&
                        delivery.lastError !== `HTTP ${delivery.responseStatus}` && (
                          <div
                            className="truncate text-destructive"
                            title={delivery.lastError}
                            data-test="delivery-error"
                          >
                            {describeDeliveryError(t, delivery.lastError)}
                          </div>
                        )}
                      {delivery.nextAttemptAt && (
                        <div className="text-muted-foreground">
                          {t('deliveries.next_at', { when: formatDate(delivery.nextAttemptAt) })}
                        </div>
                      )}
                    </TableCell>
                    <TableCell className="pr-6 text-right">
                      <div className="flex justify-end gap-1">
                        <RedeliverButton delivery={delivery} />
                        <Button
                          variant="ghost"
                          size="icon-sm"
                          onClick={() => openDetail(delivery.id)}
                          aria-label={`${t('deliveries.details')}: #${delivery.id}`}
                          title={t('deliveries.details')}
                          data-test={`delivery-details-${delivery.id}`}
                        >
                          <PanelRightOpenIcon />
                        </Button>
                      </div>
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </CardContent>
        </Card>
      )}

      <PaginationNav meta={meta} pageUrl={pageUrl} />

      <DeliverySheet delivery={selected} onClose={closeDetail} />
    </>
  )
}
