import type { JsonObject } from '#types/json'
import { useState } from 'react'
import { router, usePage } from '@inertiajs/react'
import { Link } from '@adonisjs/inertia/react'
import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts'
import { FilterBar, FilterPeriod } from '~/components/app/filter-bar'
import { PageHeader } from '~/components/app/page-header'
import { useDayFormat } from '~/components/deliveries/delivery-chart'
import { usePaymentDateFormat } from '~/components/payments/format'
import { Badge } from '~/components/ui/badge'
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

type Figure = 'charges' | 'paid' | 'announced' | 'mismatches'

type ReconciliationDay = Record<Figure, number> & {
  day: string
}

type Mismatch = {
  id: number
  kind: 'gateway_status' | 'gateway_missing' | 'gateway_unreachable' | 'utmify_unacknowledged'
  ours: string
  theirs: string | null
  action: 'status_corrected' | 'postback_resent' | 'postback_planned' | 'none'
  details: JsonObject
  detectedOn: string
  detectedAt: string | null
  payment: {
    id: number
    status: string
    amountCents: number
    gateway: string
    paidAfterExpiry: boolean
    customerName: string | null
  }
}

/** ReconciliationReport on the server (also `GET /api/reconciliation`). */
type Report = {
  period: { from: string; to: string; zone: string; defaulted: boolean; clamped: boolean }
  utmifyConfigured: boolean
  days: ReconciliationDay[]
  totals: Record<Figure, number>
  mismatches: Mismatch[]
}

const FIGURES: Figure[] = ['charges', 'paid', 'announced', 'mismatches']

const COLORS: Record<Figure, string> = {
  charges: 'var(--chart-1, #2563eb)',
  paid: 'var(--chart-2, #16a34a)',
  announced: 'var(--chart-3, #0d9488)',
  mismatches: 'var(--destructive, #dc2626)',
}

/**
 * "Conciliação": what the daily reconciliation compared (charges, paid, paid and announced to
 * UTMify) and what it found, per day (cards, chart and table), then each mismatch with the
 * action it took.
 */
export default function ReconciliationIndex({ report }: { report: Report }) {
  const t = useT()
  const formatDay = useDayFormat()
  const formatDate = usePaymentDateFormat()
  const { workspace } = usePage().props
  const [draft, setDraft] = useState({
    from: report.period.defaulted ? '' : report.period.from,
    to: report.period.defaulted ? '' : report.period.to,
  })
  if (!workspace) return null
  const base = urlFor('w.reconciliation.index', { workspaceSlug: workspace.slug })
  const apply = () => {
    const params = new URLSearchParams()
    if (draft.from) params.set('from', draft.from)
    if (draft.to) params.set('to', draft.to)
    const text = params.toString()
    router.visit(`${base}${text ? `?${text}` : ''}`, { preserveScroll: true })
  }
  const series = report.days.map((point) => ({
    ...point,
    label: point.day.slice(5).split('-').reverse().join('/'),
  }))
  const { period } = report

  const actionText = (mismatch: Mismatch) => {
    if (mismatch.action === 'status_corrected') {
      const to = mismatch.details.correctedTo
      return typeof to === 'string'
        ? t('reconciliation.action.status_corrected', { status: t(`payments.status.${to}`) })
        : t('reconciliation.action.status_corrected_plain')
    }
    return t(`reconciliation.action.${mismatch.action}`)
  }
  const theirsText = (mismatch: Mismatch) => {
    if (mismatch.theirs === 'missing') return t('reconciliation.theirs.missing')
    if (mismatch.kind === 'utmify_unacknowledged' && mismatch.theirs) {
      return t(`deliveries.status.${mismatch.theirs}`)
    }
    return mismatch.theirs ?? '—'
  }

  return (
    <>
      <PageHeader title={t('reconciliation.title')} description={t('reconciliation.subtitle')} />

      <div className="grid grid-cols-2 gap-3 sm:gap-4 xl:grid-cols-4">
        {FIGURES.map((figure) => (
          <Card key={figure} className="gap-2 py-4" data-test={`reconciliation-total-${figure}`}>
            <CardHeader className="px-5">
              <CardDescription>{t(`reconciliation.totals.${figure}`)}</CardDescription>
              <CardTitle
                className={`text-2xl tabular-nums ${figure === 'mismatches' && report.totals.mismatches ? 'text-destructive' : ''}`}
              >
                {report.totals[figure]}
              </CardTitle>
            </CardHeader>
          </Card>
        ))}
      </div>
      {!report.utmifyConfigured && (
        <p className="text-sm text-muted-foreground" data-test="reconciliation-utmify-off">
          {t('reconciliation.utmify_off')}
        </p>
      )}

      <FilterBar
        onApply={apply}
        applyLabel={t('reconciliation.filter.apply')}
        clearLabel={t('reconciliation.filter.clear')}
        clearHref={period.defaulted ? null : base}
        className="sm:grid-cols-[1fr_1fr_auto] sm:items-end"
        data-test="reconciliation-filters"
      >
        <FilterPeriod
          fromLabel={t('reconciliation.filter.from')}
          toLabel={t('reconciliation.filter.to')}
          value={draft}
          onValueChange={setDraft}
        />
      </FilterBar>

      <Card data-test="reconciliation-chart">
        <CardHeader>
          <CardTitle>{t('reconciliation.chart.title')}</CardTitle>
          <CardDescription>
            {period.defaulted
              ? t('reconciliation.chart.last_days', { days: report.days.length })
              : t('reconciliation.chart.period', {
                  from: formatDay(period.from),
                  to: formatDay(period.to),
                })}
            {period.clamped &&
              ` ${t('reconciliation.chart.clamped', { days: report.days.length })}`}
          </CardDescription>
        </CardHeader>
        <CardContent className="h-64">
          <ResponsiveContainer width="100%" height="100%">
            <BarChart data={series}>
              <CartesianGrid strokeDasharray="3 3" className="stroke-border" />
              <XAxis dataKey="label" fontSize={12} />
              <YAxis allowDecimals={false} fontSize={12} />
              <Tooltip />
              <Legend />
              {FIGURES.map((figure) => (
                <Bar
                  key={figure}
                  dataKey={figure}
                  name={t(`reconciliation.totals.${figure}`)}
                  fill={COLORS[figure]}
                  isAnimationActive={false}
                />
              ))}
            </BarChart>
          </ResponsiveContainer>
        </CardContent>
      </Card>

      <div className="overflow-x-auto rounded-xl border bg-card">
        <Table data-test="reconciliation-days">
          <TableHeader>
            <TableRow>
              <TableHead>{t('reconciliation.table.day')}</TableHead>
              {FIGURES.map((figure) => (
                <TableHead key={figure} className="text-right">
                  {t(`reconciliation.totals.${figure}`)}
                </TableHead>
              ))}
            </TableRow>
          </TableHeader>
          <TableBody>
            {[...report.days].reverse().map((day) => (
              <TableRow key={day.day} data-test={`reconciliation-day-${day.day}`}>
                <TableCell>{formatDay(day.day)}</TableCell>
                {FIGURES.map((figure) => (
                  <TableCell
                    key={figure}
                    className={`text-right tabular-nums ${figure === 'mismatches' && day.mismatches ? 'font-medium text-destructive' : ''}`}
                  >
                    {day[figure]}
                  </TableCell>
                ))}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>

      <section className="space-y-2" data-test="reconciliation-mismatches">
        <h2 className="text-sm font-medium">{t('reconciliation.mismatches.title')}</h2>
        {report.mismatches.length === 0 ? (
          <p className="rounded-xl border bg-card p-6 text-sm text-muted-foreground">
            {t('reconciliation.mismatches.empty')}
          </p>
        ) : (
          <div className="overflow-x-auto rounded-xl border bg-card">
            <Table>
              <TableHeader>
                <TableRow>
                  <TableHead>{t('reconciliation.col.detected')}</TableHead>
                  <TableHead>{t('reconciliation.col.payment')}</TableHead>
                  <TableHead>{t('reconciliation.col.kind')}</TableHead>
                  <TableHead>{t('reconciliation.col.ours')}</TableHead>
                  <TableHead>{t('reconciliation.col.theirs')}</TableHead>
                  <TableHead>{t('reconciliation.col.action')}</TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {report.mismatches.map((mismatch) => (
                  <TableRow key={mismatch.id} data-test={`mismatch-${mismatch.id}`}>
                    <TableCell className="whitespace-nowrap">
                      {formatDate(mismatch.detectedAt)}
                    </TableCell>
                    <TableCell>
                      <Link
                        route="w.payments.show"
                        routeParams={{ workspaceSlug: workspace.slug, id: mismatch.payment.id }}
                        className="font-medium underline-offset-4 hover:underline"
                      >
                        #{mismatch.payment.id}
                      </Link>{' '}
                      <span className="text-muted-foreground">
                        {formatBRL(mismatch.payment.amountCents)}
                        {mismatch.payment.customerName ? ` · ${mismatch.payment.customerName}` : ''}
                      </span>
                      {mismatch.payment.paidAfterExpiry && (
                        <Badge variant="outline" className="ml-2">
                          {t('payments.paid_after_expiry')}
                        </Badge>
                      )}
                    </TableCell>
                    <TableCell>{t(`reconciliation.kind.${mismatch.kind}`)}</TableCell>
                    <TableCell>
                      {mismatch.kind === 'utmify_unacknowledged'
                        ? mismatch.ours
                        : t(`payments.status.${mismatch.ours}`)}
                    </TableCell>
                    <TableCell>{theirsText(mismatch)}</TableCell>
                    <TableCell data-test="mismatch-action">
                      <Badge variant={mismatch.action === 'none' ? 'outline' : 'success'}>
                        {actionText(mismatch)}
                      </Badge>
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
        )}
      </section>
    </>
  )
}
