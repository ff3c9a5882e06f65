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
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '~/components/ui/card'
import { useLocale, useT } from '~/lib/i18n'
import type { Data } from '@generated/data'
import type { DeliveryTotals } from '#actions/postbacks/list_deliveries'

type DeliveryStatus = Data.Delivery['status']
type DeliveryTarget = Data.Delivery['target']

/** One destination's counts (DeliveryChart on the server). */
export type DestinationStats = DeliveryTotals & {
  target: DeliveryTarget
  webhookEndpoint: { id: number; name: string | null } | null
  total: number
  /** Succeeded ÷ (succeeded + failed + dead); null while nothing has an outcome. */
  successRate: number | null
}

/** The `chart` prop and `GET /api/postbacks/deliveries/stats`. */
export type DeliveryChartData = {
  period: { from: string; to: string; zone: string; defaulted: boolean; clamped: boolean }
  days: Array<{ day: string } & DeliveryTotals>
  destinations: DestinationStats[]
}

/** Bottom to top: delivered, then what still needs watching, dead letters on top. */
const STACK: DeliveryStatus[] = ['succeeded', 'pending', 'failed', 'dead']

/** The dashboard's chart colours; amber and the destructive token as on the totals. */
const COLORS: Record<DeliveryStatus, string> = {
  succeeded: 'var(--chart-2, #16a34a)',
  pending: 'var(--chart-1, #2563eb)',
  failed: '#d97706',
  dead: 'var(--destructive, #dc2626)',
}

/** A local day (`YYYY-MM-DD`) as the locale writes it, without moving it across time zones. */
export function useDayFormat() {
  const locale = useLocale()
  const format = new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeZone: 'UTC' })
  return (day: string) => format.format(new Date(`${day}T00:00:00Z`))
}

/** Deliveries per local day, stacked by status, with the period it covers. */
export function DeliveryChart({ chart }: { chart: DeliveryChartData }) {
  const t = useT()
  const formatDay = useDayFormat()
  const series = chart.days.map((point) => ({
    ...point,
    label: point.day.slice(5).split('-').reverse().join('/'),
  }))
  const empty = chart.days.every((point) => STACK.every((status) => point[status] === 0))
  const { period } = chart

  return (
    <Card data-test="deliveries-chart">
      <CardHeader>
        <CardTitle>{t('deliveries.chart.title')}</CardTitle>
        <CardDescription data-test="deliveries-chart-period">
          {period.defaulted
            ? t('deliveries.chart.last_days', { days: chart.days.length })
            : t('deliveries.chart.period', {
                from: formatDay(period.from),
                to: formatDay(period.to),
              })}
          {period.clamped && ` ${t('deliveries.chart.clamped', { days: chart.days.length })}`}
          {empty && ` ${t('deliveries.chart.empty')}`}
        </CardDescription>
      </CardHeader>
      <CardContent className="h-64">
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={series}>
            <CartesianGrid strokeDasharray="3 3" className="stroke-border" />
            <XAxis dataKey="label" fontSize={12} />
            <YAxis allowDecimals={false} fontSize={12} />
            <Tooltip />
            <Legend itemSorter={(item) => STACK.indexOf(item.dataKey as DeliveryStatus)} />
            {STACK.map((status) => (
              <Bar
                key={status}
                dataKey={status}
                stackId="status"
                name={t(`deliveries.status.${status}`)}
                fill={COLORS[status]}
                isAnimationActive={false}
              />
            ))}
          </BarChart>
        </ResponsiveContainer>
      </CardContent>
    </Card>
  )
}
