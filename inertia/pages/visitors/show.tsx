import { usePage } from '@inertiajs/react'
import { Link } from '@adonisjs/inertia/react'
import { ArrowLeftIcon } from 'lucide-react'
import { PageHeader } from '~/components/app/page-header'
import { usePaymentDateFormat } from '~/components/payments/format'
import type { PageMeta } from '#services/pagination'
import { timeOnPage, useDeviceLabel, useNow } from '~/components/visitors/format'
import type { Data } from '@generated/data'
import type { TimelineEntry } from '#actions/visitors/visitor_timeline'
import { Badge } from '~/components/ui/badge'
import { Button } from '~/components/ui/button'
import { Card, CardContent, CardHeader, CardTitle } from '~/components/ui/card'
import { useT } from '~/lib/i18n'
import { formatBRL } from '~/lib/money'

/** A visitor row: VisitorTransformer's `row` variant (generated). */
type VisitorRow = Data.Visitor.Variants['row']
/** A page event (VisitorEventTransformer's `withStepName`) or a PIX/postback merged in (VisitorTimeline). */
type VisitorEventRow = Data.VisitorEvent.Variants['withStepName'] | TimelineEntry

/** Lead fields with a label of their own; any other key a form sent is shown as "Outro campo". */
const LEAD_FIELDS = ['name', 'email', 'phone', 'cpf'] as const

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
  const { attribution } = visitor
  const lead = (visitor.lead ?? {}) as Record<string, string>
  const leadName = lead.name?.trim() || lead.email?.trim() || null
  const leadFields = Object.entries(lead)
    .filter(([, value]) => value !== null && value !== '')
    .sort(
      ([a], [b]) =>
        (LEAD_FIELDS.indexOf(a as any) + 1 || 99) - (LEAD_FIELDS.indexOf(b as any) + 1 || 99)
    )
    .map(([field, value]) => [
      (LEAD_FIELDS as readonly string[]).includes(field)
        ? t(`visitors.lead.${field}`)
        : t('visitors.lead.other', { field }),
      String(value),
    ])
  /** What a payment or postback entry adds under its title. */
  const detail = (event: VisitorEventRow) => {
    const data = event.data as Record<string, any>
    if (event.type === 'pix_generated' || event.type === 'pix_paid') {
      const amount = typeof data.amountCents === 'number' ? formatBRL(data.amountCents) : null
      return [amount, data.upsell ? t('visitors.event.upsell') : null].filter(Boolean).join(' · ')
    }
    if (event.type === 'postback') {
      const target = t(`deliveries.target.${data.target}`)
      return `${target} · ${t(`deliveries.status.${data.status}`)}`
    }
    return null
  }

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
        title={leadName ?? t('visitors.show.anonymous')}
        description={`${t('visitors.show.title')} · ${visitor.id}`}
        actions={
          <Button asChild variant="outline" size="sm">
            <Link route="w.visitors.index" routeParams={{ workspaceSlug: workspace.slug }}>
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
              {leadFields.map(([label, value]) => (
                <div key={`lead-${label}`} data-test="lead-field">
                  <dt className="text-xs text-muted-foreground">{label}</dt>
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
                      {detail(event) && ` · ${detail(event)}`}
                    </div>
                    {typeof (event.data as any)?.paymentId === 'number' &&
                      event.type !== 'postback' && (
                        <Link
                          route="w.payments.show"
                          routeParams={{
                            workspaceSlug: workspace.slug,
                            id: String(event.data.paymentId),
                          }}
                          className="text-xs text-primary underline-offset-4 hover:underline"
                        >
                          {t('visitors.event.open_payment')}
                        </Link>
                      )}
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
