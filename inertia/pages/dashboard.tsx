import { useState, type FormEvent } from 'react'
import { router, usePage } from '@inertiajs/react'
import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts'
import { RocketIcon } from 'lucide-react'
import { PageHeader } from '~/components/app/page-header'
import { EmptyState } from '~/components/app/empty-state'
import { NewFunnelDialog } from '~/components/funnels/new-funnel-dialog'
import { GatewayHealthBanner } from '~/components/app/gateway-health-banner'
import type GetDashboard from '#actions/analytics/get_dashboard'
import { Button } from '~/components/ui/button'
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '~/components/ui/card'
import { Input } from '~/components/ui/input'
import { Label } from '~/components/ui/label'
import { Select } from '~/components/ui/select'
import {
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from '~/components/ui/table'
import { formatBRL } from '~/lib/money'
import { useLocale, useT } from '~/lib/i18n'
import { SplitTestsPanel } from '~/components/analytics/split-tests-panel'
import type { SplitTest } from '~/components/funnels/split-test-card'
import { urlFor } from '~/lib/client'

/** The dashboard's figures as GetDashboard computes them (the page and the JSON API). */
type DashboardData = Awaited<ReturnType<typeof GetDashboard.handle>>
type BreakdownRow = DashboardData['bySource'][number]

type Period = 'today' | '7d' | '30d' | 'custom'

type Filters = {
  period: Period
  from: string
  to: string
  funnelId: number | null
}

const PERIODS: Period[] = ['today', '7d', '30d', 'custom']

export default function Dashboard({
  data,
  funnels,
  filters,
  recovered,
  splitTests = [],
}: {
  data: DashboardData
  funnels: Array<{ id: number; name: string }>
  filters: Filters
  /** Checkouts abandoned then paid ("Recuperação") in the period. */
  recovered?: { cents: number; count: number }
  /** The funnel's running A/B tests with their variants' results. */
  splitTests?: Array<SplitTest & { stepName: string | null }>
}) {
  const t = useT()
  const locale = useLocale()
  const { workspace } = usePage().props
  const [custom, setCustom] = useState({ from: filters.from, to: filters.to })
  if (!workspace) return null
  const base = urlFor('w.dashboard', { workspaceSlug: workspace.slug })
  const percent = (value: number) =>
    new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(value)
  const number = (value: number) => new Intl.NumberFormat(locale).format(value)

  const go = (next: Partial<Filters>) => {
    const merged = { ...filters, ...next }
    const params: Record<string, string> = { period: merged.period }
    if (merged.period === 'custom') {
      params.from = merged.from
      params.to = merged.to
    }
    if (merged.funnelId) params.funnelId = String(merged.funnelId)
    router.get(base, params, { preserveScroll: true, preserveState: true })
  }
  const applyCustom = (event: FormEvent) => {
    event.preventDefault()
    go({ period: 'custom', ...custom })
  }

  const { kpis } = data
  const cards = [
    ['visitors', number(kpis.visitors)],
    ['leads', number(kpis.leads)],
    ['pix_generated', number(kpis.pixGenerated)],
    ['pix_paid', number(kpis.pixPaid)],
    ['revenue', formatBRL(kpis.revenueCents)],
    ['conversion', percent(kpis.conversion)],
    ['average_ticket', formatBRL(kpis.averageTicketCents)],
    ['upsell_rate', percent(kpis.upsellTakeRate)],
    ['recovered_revenue', formatBRL(recovered?.cents ?? 0)],
  ] as const
  const series = data.series.map((point) => ({
    ...point,
    label: point.day.slice(5).split('-').reverse().join('/'),
    revenue: point.revenueCents / 100,
  }))

  return (
    <>
      <GatewayHealthBanner />
      <PageHeader title={t('dashboard.title')} description={t('analytics.subtitle')} />

      {funnels.length === 0 && (
        // A new workspace: the next step, not a wall of zeros with nothing to do.
        <EmptyState
          icon={RocketIcon}
          title={t('dashboard.empty.title')}
          description={t('dashboard.empty.text')}
          className="py-10"
        >
          <div data-test="dashboard-empty">
            {workspace.can.write ? (
              <NewFunnelDialog />
            ) : (
              <p className="text-sm text-muted-foreground">{t('dashboard.empty.read_only')}</p>
            )}
          </div>
        </EmptyState>
      )}

      <div className="flex flex-wrap items-end gap-3" data-test="dashboard-filters">
        <div className="flex gap-1" role="group" aria-label={t('analytics.period')}>
          {PERIODS.map((period) => (
            <Button
              key={period}
              size="sm"
              variant={filters.period === period ? 'default' : 'outline'}
              onClick={() => (period === 'custom' ? go({ period, ...custom }) : go({ period }))}
              data-test={`period-${period}`}
            >
              {t(`analytics.period.${period}`)}
            </Button>
          ))}
        </div>
        <form onSubmit={applyCustom} className="flex flex-wrap items-end gap-2">
          <div className="space-y-1">
            <Label htmlFor="dashboard-from">{t('analytics.from')}</Label>
            <Input
              id="dashboard-from"
              type="date"
              value={custom.from}
              onChange={(e) => setCustom({ ...custom, from: e.target.value })}
            />
          </div>
          <div className="space-y-1">
            <Label htmlFor="dashboard-to">{t('analytics.to')}</Label>
            <Input
              id="dashboard-to"
              type="date"
              value={custom.to}
              onChange={(e) => setCustom({ ...custom, to: e.target.value })}
            />
          </div>
          <Button type="submit" variant="outline" size="sm" data-test="period-apply">
            {t('analytics.apply')}
          </Button>
        </form>
        {funnels.length > 0 && (
          <div className="space-y-1">
            <Label htmlFor="dashboard-funnel">{t('analytics.funnel')}</Label>
            <Select
              id="dashboard-funnel"
              value={filters.funnelId ? String(filters.funnelId) : ''}
              onChange={(e) => go({ funnelId: Number(e.target.value) || null })}
              data-test="dashboard-funnel"
            >
              {funnels.map((funnel) => (
                <option key={funnel.id} value={funnel.id}>
                  {funnel.name}
                </option>
              ))}
            </Select>
          </div>
        )}
      </div>

      <div className="grid grid-cols-1 gap-4 sm:grid-cols-2 xl:grid-cols-4">
        {cards.map(([key, value]) => (
          <Card key={key} className="gap-1 py-4" data-test={`kpi-${key}`}>
            <CardHeader className="px-5">
              <CardDescription>{t(`analytics.kpi.${key}`)}</CardDescription>
              <CardTitle className="text-2xl tabular-nums">{value}</CardTitle>
            </CardHeader>
          </Card>
        ))}
      </div>

      <div className="grid grid-cols-1 gap-4 xl:grid-cols-2">
        <Card data-test="chart-visits">
          <CardHeader>
            <CardTitle>{t('analytics.chart.visits')}</CardTitle>
          </CardHeader>
          <CardContent className="h-64">
            <ResponsiveContainer width="100%" height="100%">
              <LineChart data={series}>
                <CartesianGrid strokeDasharray="3 3" className="stroke-border" />
                <XAxis dataKey="label" fontSize={12} />
                <YAxis allowDecimals={false} fontSize={12} />
                <Tooltip />
                <Legend />
                <Line
                  type="monotone"
                  dataKey="visitors"
                  name={t('analytics.kpi.visitors')}
                  stroke="var(--chart-1, #2563eb)"
                  isAnimationActive={false}
                />
                <Line
                  type="monotone"
                  dataKey="leads"
                  name={t('analytics.kpi.leads')}
                  stroke="var(--chart-2, #16a34a)"
                  isAnimationActive={false}
                />
              </LineChart>
            </ResponsiveContainer>
          </CardContent>
        </Card>
        <Card data-test="chart-revenue">
          <CardHeader>
            <CardTitle>{t('analytics.chart.revenue')}</CardTitle>
          </CardHeader>
          <CardContent className="h-64">
            <ResponsiveContainer width="100%" height="100%">
              <BarChart data={series}>
                <CartesianGrid strokeDasharray="3 3" className="stroke-border" />
                <XAxis dataKey="label" fontSize={12} />
                <YAxis fontSize={12} />
                <Tooltip formatter={(value) => formatBRL(Math.round(Number(value) * 100))} />
                <Bar
                  dataKey="revenue"
                  name={t('analytics.kpi.revenue')}
                  fill="var(--chart-1, #2563eb)"
                  isAnimationActive={false}
                />
              </BarChart>
            </ResponsiveContainer>
          </CardContent>
        </Card>
      </div>

      {data.steps && (
        <Card data-test="chart-steps">
          <CardHeader>
            <CardTitle>{t('analytics.chart.steps')}</CardTitle>
            <CardDescription>{t('analytics.chart.steps_hint')}</CardDescription>
          </CardHeader>
          <CardContent className="space-y-4">
            <div className="h-56">
              <ResponsiveContainer width="100%" height="100%">
                <BarChart data={data.steps} layout="vertical" margin={{ left: 24 }}>
                  <CartesianGrid strokeDasharray="3 3" className="stroke-border" />
                  <XAxis type="number" allowDecimals={false} fontSize={12} />
                  <YAxis type="category" dataKey="name" width={120} fontSize={12} />
                  <Tooltip />
                  <Bar
                    dataKey="visitors"
                    name={t('analytics.kpi.visitors')}
                    fill="var(--chart-1, #2563eb)"
                    isAnimationActive={false}
                  />
                </BarChart>
              </ResponsiveContainer>
            </div>
            <Table>
              <TableHeader>
                <TableRow className="hover:bg-transparent">
                  <TableHead>{t('analytics.col.step')}</TableHead>
                  <TableHead>{t('analytics.kpi.visitors')}</TableHead>
                  <TableHead>{t('analytics.col.conversion')}</TableHead>
                  <TableHead>{t('analytics.col.drop_off')}</TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {data.steps.map((step) => (
                  <TableRow key={step.id} data-test={`step-row-${step.id}`}>
                    <TableCell>{step.name}</TableCell>
                    <TableCell className="tabular-nums">{number(step.visitors)}</TableCell>
                    <TableCell className="tabular-nums" data-test="step-conversion">
                      {step.conversion === null ? '—' : percent(step.conversion)}
                    </TableCell>
                    <TableCell className="tabular-nums" data-test="step-drop-off">
                      {step.dropOff === null ? '—' : percent(step.dropOff)}
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </CardContent>
        </Card>
      )}

      <div className="grid grid-cols-1 gap-4 xl:grid-cols-2">
        <Breakdown title={t('analytics.by_source')} rows={data.bySource} test="by-source" />
        <Breakdown title={t('analytics.by_campaign')} rows={data.byCampaign} test="by-campaign" />
      </div>

      <SplitTestsPanel tests={splitTests} funnelId={filters.funnelId} />

      <div className="grid grid-cols-1 gap-4 sm:grid-cols-2 xl:grid-cols-4">
        {(['paid', 'pending', 'failed', 'refunded'] as const).map((kind) => (
          <Card key={kind} className="gap-1 py-4" data-test={`status-${kind}`}>
            <CardHeader className="px-5">
              <CardDescription>{t(`analytics.status.${kind}`)}</CardDescription>
              <CardTitle className="text-xl tabular-nums">
                {formatBRL(data.paymentsByStatus[kind].cents)}
              </CardTitle>
              <CardDescription>
                {t('analytics.status.count', { count: data.paymentsByStatus[kind].count })}
              </CardDescription>
            </CardHeader>
          </Card>
        ))}
      </div>
    </>
  )
}

/** Revenue and conversion by one attribution field (utm_source or utm_campaign). */
function Breakdown({ title, rows, test }: { title: string; rows: BreakdownRow[]; test: string }) {
  const t = useT()
  const locale = useLocale()
  const percent = (value: number) =>
    new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(value)
  const number = (value: number) => new Intl.NumberFormat(locale).format(value)
  return (
    <Card className="gap-0 py-2" data-test={test}>
      <CardHeader className="py-3">
        <CardTitle>{title}</CardTitle>
      </CardHeader>
      <CardContent className="px-0">
        {rows.length === 0 ? (
          <p className="px-6 py-2 text-sm text-muted-foreground">{t('analytics.none')}</p>
        ) : (
          <Table>
            <TableHeader>
              <TableRow className="hover:bg-transparent">
                <TableHead className="pl-6">{t('analytics.col.name')}</TableHead>
                <TableHead>{t('analytics.kpi.visitors')}</TableHead>
                <TableHead>{t('analytics.kpi.revenue')}</TableHead>
                <TableHead className="pr-6">{t('analytics.col.conversion')}</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {rows.map((row) => (
                <TableRow key={row.value ?? '-'}>
                  <TableCell className="pl-6">{row.value ?? t('analytics.direct')}</TableCell>
                  <TableCell className="tabular-nums">{number(row.visitors)}</TableCell>
                  <TableCell className="tabular-nums">{formatBRL(row.revenueCents)}</TableCell>
                  <TableCell className="pr-6 tabular-nums">{percent(row.conversion)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </CardContent>
    </Card>
  )
}
