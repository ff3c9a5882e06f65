import { Link } from '@adonisjs/inertia/react'
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '~/components/ui/card'
import {
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from '~/components/ui/table'
import { useLocale, useT } from '~/lib/i18n'
import { cn } from '~/lib/utils'
import type { DestinationStats } from './delivery-chart'
import { useDestination } from './format'

/** The rate's colour: green when nearly everything arrives, amber, then red. */
function rateTone(rate: number) {
  if (rate >= 0.95) return 'bg-emerald-600 dark:bg-emerald-500'
  if (rate >= 0.8) return 'bg-amber-500'
  return 'bg-destructive'
}

/**
 * Per destination over the chart's period: deliveries, success rate (with a bar), retrying and
 * dead letters, so a failing destination stands out during a launch. A destination's name
 * filters the page to it.
 */
export function DestinationHealth({
  destinations,
  hrefOf,
}: {
  destinations: DestinationStats[]
  hrefOf: (destination: DestinationStats) => string
}) {
  const t = useT()
  const locale = useLocale()
  const destination = useDestination()
  const percent = (value: number) =>
    new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(value)
  const number = (value: number) => new Intl.NumberFormat(locale).format(value)

  return (
    <Card className="gap-0 py-2" data-test="deliveries-destinations">
      <CardHeader className="py-3">
        <CardTitle>{t('deliveries.destinations.title')}</CardTitle>
        <CardDescription>{t('deliveries.destinations.hint')}</CardDescription>
      </CardHeader>
      <CardContent className="px-0">
        {destinations.length === 0 ? (
          <p className="px-6 py-2 text-sm text-muted-foreground">
            {t('deliveries.destinations.none')}
          </p>
        ) : (
          <Table>
            <TableHeader>
              <TableRow className="hover:bg-transparent">
                <TableHead className="pl-6">{t('deliveries.destinations.col.target')}</TableHead>
                <TableHead className="text-right">
                  {t('deliveries.destinations.col.total')}
                </TableHead>
                <TableHead>{t('deliveries.destinations.col.rate')}</TableHead>
                <TableHead className="hidden text-right sm:table-cell">
                  {t('deliveries.destinations.col.failed')}
                </TableHead>
                <TableHead className="pr-6 text-right">
                  {t('deliveries.destinations.col.dead')}
                </TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {destinations.map((row) => {
                const name = destination(row)
                const key = row.webhookEndpoint ? `endpoint-${row.webhookEndpoint.id}` : row.target
                return (
                  <TableRow key={key} data-test={`destination-${key}`}>
                    <TableCell className="pl-6 font-medium">
                      <Link
                        href={hrefOf(row)}
                        preserveScroll
                        className="hover:underline"
                        title={t('deliveries.destinations.only', { name })}
                      >
                        {name}
                      </Link>
                    </TableCell>
                    <TableCell className="text-right tabular-nums">{number(row.total)}</TableCell>
                    <TableCell data-test="destination-rate">
                      {row.successRate === null ? (
                        <span className="text-muted-foreground">—</span>
                      ) : (
                        <div className="flex items-center gap-2">
                          <span className="w-12 text-right tabular-nums">
                            {percent(row.successRate)}
                          </span>
                          <span className="hidden h-1.5 w-16 overflow-hidden rounded-full bg-muted md:block">
                            <span
                              className={cn('block h-full', rateTone(row.successRate))}
                              style={{ width: `${Math.round(row.successRate * 100)}%` }}
                            />
                          </span>
                        </div>
                      )}
                    </TableCell>
                    <TableCell
                      className={cn(
                        'hidden text-right tabular-nums sm:table-cell',
                        row.failed > 0 && 'text-amber-700 dark:text-amber-400'
                      )}
                    >
                      {number(row.failed)}
                    </TableCell>
                    <TableCell
                      className={cn(
                        'pr-6 text-right tabular-nums',
                        row.dead > 0 && 'font-semibold text-destructive'
                      )}
                      data-test="destination-dead"
                    >
                      {number(row.dead)}
                    </TableCell>
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
