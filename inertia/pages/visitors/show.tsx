// eslint-disable-next-line @adonisjs/prefer-adonisjs-inertia-link -- plain URLs: no Tuyau route registry yet
import { Link, usePage } from '@inertiajs/react'
import { ArrowLeftIcon } from 'lucide-react'
import { PageHeader } from '~/components/app/page-header'
import { usePaymentDateFormat } from '~/components/payments/format'
import type { PageMeta } from '~/components/payments/types'
import { timeOnPage, useDeviceLabel, useNow } from '~/components/visitors/format'
import type { VisitorEventRow, VisitorRow } from '~/components/visitors/types'
import { Badge } from '~/components/ui/badge'
import { Button } from '~/components/ui/button'
import { Card, CardContent, CardHeader, CardTitle } from '~/components/ui/card'
import { useT } from '~/lib/i18n'

export default function VisitorShow({
  visitor,
  events,
}: {
  visitor: VisitorRow
  events: { data: VisitorEventRow[]; meta: PageMeta }
}) {
  const t = useT()
  const now = useNow()
  const formatDate = usePaymentDateFormat()
  const deviceLabel = useDeviceLabel()
  const { workspace } = usePage().props
  if (!workspace) return null
  const base = `/w/${workspace.slug}/visitors`
  const { attribution } = visitor

  const facts: Array<[string, string | null]> = [
    [t('visitors.col.funnel'), visitor.funnelName],
    [t('visitors.col.step'), visitor.stepName],
    [t('visitors.col.time_on_page'), timeOnPage(visitor, now)],
    [t('visitors.col.source'), attribution.utmSource ?? t('visitors.direct')],
    [t('visitors.col.campaign'), attribution.utmCampaign],
    [t('visitors.col.device'), deviceLabel(visitor.device)],
    [t('visitors.col.first_visit'), formatDate(visitor.firstVisit)],
    [t('visitors.col.last_activity'), formatDate(visitor.lastActivity)],
    [t('visitors.col.landing'), visitor.landingUrl],
    [t('visitors.col.referrer'), visitor.referrer],
  ]

  return (
    <>
      <PageHeader
        title={t('visitors.show.title')}
        description={visitor.id}
        actions={
          <Button asChild variant="outline" size="sm">
            <Link href={base}>
              <ArrowLeftIcon />
              {t('visitors.show.back')}
            </Link>
          </Button>
        }
      />
      <div className="grid gap-4 lg:grid-cols-[20rem_1fr]">
        <Card className="gap-3">
          <CardHeader className="flex flex-row items-center justify-between">
            <CardTitle>{t('visitors.show.details')}</CardTitle>
            <Badge variant={visitor.isOnline ? 'success' : 'outline'} data-test="visitor-status">
              {visitor.isOnline ? t('visitors.online') : t('visitors.offline')}
            </Badge>
          </CardHeader>
          <CardContent>
            <dl className="space-y-2 text-sm">
              {facts.map(([label, value]) => (
                <div key={label}>
                  <dt className="text-xs text-muted-foreground">{label}</dt>
                  <dd className="break-all">{value ?? '—'}</dd>
                </div>
              ))}
              {Object.entries(visitor.lead).map(([field, value]) => (
                <div key={`lead-${field}`}>
                  <dt className="text-xs text-muted-foreground">{field}</dt>
                  <dd className="break-all">{value}</dd>
                </div>
              ))}
            </dl>
          </CardContent>
        </Card>
        <Card className="gap-3">
          <CardHeader>
            <CardTitle>{t('visitors.show.timeline')}</CardTitle>
          </CardHeader>
          <CardContent>
            {events.data.length === 0 ? (
              <p className="text-sm text-muted-foreground">{t('visitors.show.no_events')}</p>
            ) : (
              <ol className="relative space-y-4 border-l pl-5" data-test="visitor-timeline">
                {events.data.map((event) => (
                  <li key={event.id} data-test={`event-${event.type}`}>
                    <span className="absolute -left-1.5 mt-1.5 size-3 rounded-full border bg-background" />
                    <div className="text-sm font-medium">{t(`visitors.event.${event.type}`)}</div>
                    <div className="text-xs text-muted-foreground">
                      {formatDate(event.createdAt)}
                      {event.stepName && ` · ${event.stepName}`}
                    </div>
                  </li>
                ))}
              </ol>
            )}
            {events.meta.total > events.data.length && (
              <p className="mt-4 text-xs text-muted-foreground">
                {t('visitors.show.more_events', { count: events.meta.total - events.data.length })}
              </p>
            )}
          </CardContent>
        </Card>
      </div>
    </>
  )
}
