import { usePage } from '@inertiajs/react'
import { Link } from '@adonisjs/inertia/react'
import { ShieldCheckIcon } from 'lucide-react'
import { EmptyState } from '~/components/app/empty-state'
import { PageHeader } from '~/components/app/page-header'
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
import { useLocale, useT } from '~/lib/i18n'

export type RejectedEventRow = {
  id: string
  at: string
  error: string
  type: string | null
  eventId: string | null
  url: string | null
  raw: string
}

/**
 * "Eventos rejeitados": tracking events the beacon flush set aside because PostgreSQL refused
 * them, so they never held up the others. Read-only: what to do with one is an operator's
 * call (the raw entry is here to decide).
 */
export default function RejectedEventsIndex({
  entries,
  nextBefore,
}: {
  entries: RejectedEventRow[]
  nextBefore: string | null
}) {
  const t = useT()
  const locale = useLocale()
  const { workspace } = usePage().props
  if (!workspace) return null
  const format = new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeStyle: 'medium' })

  return (
    <div className="space-y-6">
      <PageHeader title={t('dead_events.title')} description={t('dead_events.description')} />
      {entries.length === 0 ? (
        <EmptyState icon={ShieldCheckIcon} description={t('dead_events.empty')} />
      ) : (
        <Card>
          <CardContent className="p-0">
            <Table data-test="rejected-events">
              <TableHeader>
                <TableRow>
                  <TableHead className="w-44">{t('dead_events.when')}</TableHead>
                  <TableHead>{t('dead_events.error')}</TableHead>
                  <TableHead>{t('dead_events.entry')}</TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {entries.map((entry) => (
                  <TableRow key={entry.id} data-test="rejected-event" className="align-top">
                    <TableCell className="text-sm whitespace-nowrap text-muted-foreground">
                      <time dateTime={entry.at}>
                        {entry.at ? format.format(new Date(entry.at)) : '—'}
                      </time>
                    </TableCell>
                    <TableCell className="max-w-sm text-sm">
                      <p className="font-mono text-xs break-words text-destructive">
                        {entry.error}
                      </p>
                      {entry.type && (
                        <Badge variant="secondary" className="mt-2">
                          {entry.type}
                        </Badge>
                      )}
                    </TableCell>
                    <TableCell className="max-w-md">
                      {entry.url && (
                        <p className="truncate text-sm text-muted-foreground">{entry.url}</p>
                      )}
                      <details>
                        <summary className="cursor-pointer text-sm">
                          {entry.eventId ?? entry.id}
                        </summary>
                        <pre className="mt-2 max-h-64 overflow-auto rounded-md bg-muted p-2 text-xs break-all whitespace-pre-wrap">
                          {entry.raw}
                        </pre>
                      </details>
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </CardContent>
        </Card>
      )}
      {nextBefore && (
        <div className="flex justify-end">
          <Button variant="outline" asChild>
            <Link
              route="w.rejected_events.index"
              routeParams={{ workspaceSlug: workspace.slug }}
              qs={{ before: nextBefore }}
            >
              {t('dead_events.older')}
            </Link>
          </Button>
        </div>
      )}
    </div>
  )
}
