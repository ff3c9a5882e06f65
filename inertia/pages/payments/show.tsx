import { useEffect } from 'react'
import { router, usePage } from '@inertiajs/react'
import { Link } from '@adonisjs/inertia/react'
import { ArrowLeftIcon, CheckIcon, RefreshCwIcon, XIcon } from 'lucide-react'
import { PageHeader } from '~/components/app/page-header'
import { useDestination } from '~/components/deliveries/format'
import { RedeliverButton } from '~/components/deliveries/redeliver-button'
import { useLiveDeliveries } from '~/components/deliveries/use_live_deliveries'
import { DeliveryStatusBadge } from '~/components/deliveries/status-badge'
import { canRedeliver } from '~/components/deliveries/options'
import { PaymentStatusBadge } from '~/components/payments/status-badge'
import { BuyerEmailsList, type BuyerEmailRow } from '~/components/buyer_journey/buyer-emails-list'
import { usePaymentDateFormat } from '~/components/payments/format'
import type { Data } from '@generated/data'
import type { JsonObject } from '#types/json'
import { Badge } from '~/components/ui/badge'
import { Button } from '~/components/ui/button'
import { Card, CardAction, CardContent, CardHeader, CardTitle } from '~/components/ui/card'
import { formatBRL } from '~/lib/money'
import { useT } from '~/lib/i18n'
import { urlFor } from '~/lib/client'

type DeliveryRow = Data.Delivery

/** PaymentTransformer's generated types; the admin detail adds the gateway's answer. */
type PaymentRow = Data.Payment
type PaymentDetail = Data.Payment.Variants['detail'] & { gatewayResponse: JsonObject }
type TransitionRow = Data.PaymentTransition
type WebhookEventRow = Data.WebhookEvent

type TimelineEntry =
  | { kind: 'transition'; at: string | null; transition: TransitionRow }
  | { kind: 'webhook'; at: string | null; event: WebhookEventRow }

export default function PaymentShow({
  payment,
  transitions,
  webhookEvents,
  childPayments,
  deliveries,
  buyerEmails = [],
}: {
  payment: PaymentDetail
  transitions: TransitionRow[]
  webhookEvents: WebhookEventRow[]
  childPayments: PaymentRow[]
  deliveries: DeliveryRow[]
  buyerEmails?: BuyerEmailRow[]
}) {
  const t = useT()
  const formatDate = usePaymentDateFormat()
  const destination = useDestination()
  const { workspace } = usePage().props
  const pending = payment.status === 'pending'
  useLiveDeliveries(['deliveries'], (message) => message.paymentId === payment.id)

  /** While pending, the page refreshes itself: a webhook or a poll may settle it any second. */
  useEffect(() => {
    if (!pending) return
    const timer = setInterval(
      () =>
        router.reload({
          only: ['payment', 'transitions', 'webhookEvents', 'deliveries', 'buyerEmails'],
        }),
      3000
    )
    return () => clearInterval(timer)
  }, [pending])

  if (!workspace) return null
  const workspaceSlug = workspace.slug
  const canWrite = workspace.can.write
  const post = (
    route: 'w.payments.mark' | 'w.payments.refresh',
    data: Record<string, string> = {}
  ) => router.post(urlFor(route, { workspaceSlug, id: payment.id }), data, { preserveScroll: true })

  const timeline: TimelineEntry[] = [
    ...transitions.map((transition) => ({
      kind: 'transition' as const,
      at: transition.createdAt,
      transition,
    })),
    ...webhookEvents.map((event) => ({ kind: 'webhook' as const, at: event.receivedAt, event })),
  ].sort((a, b) => (a.at ?? '').localeCompare(b.at ?? ''))

  return (
    <>
      <div>
        <Button asChild variant="ghost" size="sm" className="-ml-2">
          <Link route="w.payments.index" routeParams={{ workspaceSlug }}>
            <ArrowLeftIcon />
            {t('payments.detail.back')}
          </Link>
        </Button>
      </div>
      <PageHeader
        title={t('payments.detail.title', { id: payment.id })}
        description={
          <span className="flex flex-wrap items-center gap-2">
            <span className="text-lg font-semibold text-foreground tabular-nums">
              {payment.amount}
            </span>
            <PaymentStatusBadge
              status={payment.status}
              failure={payment.failure}
              paidAfterExpiry={payment.paidAfterExpiry}
            />
            <Badge variant="outline">{t(`payments.gateway.${payment.gateway}`)}</Badge>
            {payment.parentPaymentId && (
              <Link
                route="w.payments.show"
                routeParams={{ workspaceSlug, id: payment.parentPaymentId }}
                className="text-xs underline"
              >
                {t('payments.detail.parent', { id: payment.parentPaymentId })}
              </Link>
            )}
          </span>
        }
        actions={
          canWrite && (
            <>
              {payment.gateway === 'sandbox' && pending && (
                <>
                  <Button
                    onClick={() => post('w.payments.mark', { status: 'paid' })}
                    data-test="mark-paid"
                  >
                    <CheckIcon />
                    {t('payments.mark_paid')}
                  </Button>
                  <Button
                    variant="outline"
                    onClick={() => post('w.payments.mark', { status: 'refused' })}
                    data-test="mark-refused"
                  >
                    <XIcon />
                    {t('payments.mark_refused')}
                  </Button>
                </>
              )}
              {payment.gateway === 'skalepay' && payment.externalId && (
                <Button
                  variant="outline"
                  onClick={() => post('w.payments.refresh')}
                  data-test="refresh"
                >
                  <RefreshCwIcon />
                  {t('payments.refresh')}
                </Button>
              )}
            </>
          )
        }
      />
      {canWrite && payment.gateway === 'sandbox' && pending && (
        <p className="rounded-lg border border-dashed border-amber-400 bg-amber-50 px-4 py-2 text-sm text-amber-900 dark:bg-amber-950 dark:text-amber-200">
          {t('payments.sandbox_hint')}
        </p>
      )}

      <div className="grid gap-4 lg:grid-cols-3">
        <Card className="lg:col-span-2">
          <CardHeader>
            <CardTitle>{t('payments.detail.items')}</CardTitle>
          </CardHeader>
          <CardContent>
            <ul className="divide-y text-sm" data-test="payment-items">
              {payment.items.map((item, index) => (
                <li key={index} className="flex items-center justify-between gap-3 py-2">
                  <span className="flex items-center gap-2">
                    <Badge variant={item.kind === 'product' ? 'secondary' : 'outline'}>
                      {t(`payments.kind.${item.kind}`)}
                    </Badge>
                    {item.name}
                  </span>
                  <span className="tabular-nums">{formatBRL(item.priceCents * item.quantity)}</span>
                </li>
              ))}
              <li className="flex justify-between py-2 font-semibold">
                <span>{t('payments.col.amount')}</span>
                <span className="tabular-nums">{payment.amount}</span>
              </li>
            </ul>
          </CardContent>
        </Card>

        <Card>
          <CardHeader>
            <CardTitle>{t('payments.detail.customer')}</CardTitle>
          </CardHeader>
          <CardContent>
            {/* Plain lines, not a <dl>: there are no terms here (axe definition-list). */}
            <div className="space-y-1 text-sm">
              <p className="font-medium">{payment.customer.name ?? '—'}</p>
              <p className="text-muted-foreground">{payment.customer.email}</p>
              <p className="text-muted-foreground">{payment.customer.phone}</p>
              <p className="font-mono text-xs text-muted-foreground">{payment.customer.cpf}</p>
            </div>
            <dl className="mt-4 grid grid-cols-2 gap-x-3 gap-y-1 text-xs">
              <dt className="text-muted-foreground">{t('payments.col.created')}</dt>
              <dd>{formatDate(payment.createdAt)}</dd>
              <dt className="text-muted-foreground">{t('payments.detail.expires')}</dt>
              <dd>{formatDate(payment.expiresAt)}</dd>
              <dt className="text-muted-foreground">{t('payments.detail.paid_at')}</dt>
              <dd>{formatDate(payment.paidAt)}</dd>
              <dt className="text-muted-foreground">{t('payments.detail.external_id')}</dt>
              <dd className="truncate font-mono" title={payment.externalId ?? ''}>
                {payment.externalId ?? '—'}
              </dd>
            </dl>
          </CardContent>
        </Card>
      </div>

      <div className="grid gap-4 lg:grid-cols-3">
        <Card className="lg:col-span-2">
          <CardHeader>
            <CardTitle>{t('payments.detail.timeline')}</CardTitle>
          </CardHeader>
          <CardContent>
            <ol className="relative space-y-4 border-l pl-5" data-test="payment-timeline">
              {timeline.map((entry) =>
                entry.kind === 'transition' ? (
                  <li key={`t${entry.transition.id}`} className="relative text-sm">
                    <span className="absolute top-1.5 -left-[25px] size-2.5 rounded-full bg-primary" />
                    <p className="font-medium">
                      {entry.transition.fromStatus
                        ? t('payments.transition', {
                            from: t(`payments.status.${entry.transition.fromStatus}`),
                            to:
                              entry.transition.failure === 'gateway'
                                ? t('payments.status.gateway_failed')
                                : t(`payments.status.${entry.transition.toStatus}`),
                          })
                        : t('payments.detail.created')}
                    </p>
                    <p className="text-xs text-muted-foreground">
                      {formatDate(entry.transition.createdAt)} ·{' '}
                      {t('payments.via', {
                        source: t(`payments.source.${entry.transition.source}`),
                      })}
                      {typeof entry.transition.details.gatewayStatus === 'string' &&
                        ` · ${entry.transition.details.gatewayStatus}`}
                      {typeof entry.transition.details.reason === 'string' &&
                        ` · ${entry.transition.details.reason}`}
                      {typeof entry.transition.details.detail === 'string' &&
                        ` · ${entry.transition.details.detail}`}
                    </p>
                  </li>
                ) : (
                  <li key={`w${entry.event.id}`} className="relative text-sm">
                    <span className="absolute top-1.5 -left-[25px] size-2.5 rounded-full border-2 border-muted-foreground bg-background" />
                    <p className="font-medium">
                      webhook <span className="font-mono text-xs">{entry.event.eventKey}</span>
                    </p>
                    <p className="text-xs text-muted-foreground">
                      {formatDate(entry.event.receivedAt)} ·{' '}
                      {entry.event.processedAt
                        ? t('payments.detail.processed')
                        : t('payments.detail.waiting')}{' '}
                      · {t('payments.detail.attempts', { count: entry.event.attempts })}
                    </p>
                    {entry.event.error && (
                      <p className="text-xs text-destructive">{entry.event.error}</p>
                    )}
                  </li>
                )
              )}
            </ol>
          </CardContent>
        </Card>

        <Card>
          <CardHeader>
            <CardTitle>{t('payments.detail.pix')}</CardTitle>
          </CardHeader>
          <CardContent className="space-y-3">
            {payment.pix.qrSvg && (
              <img
                src={`data:image/svg+xml;utf8,${encodeURIComponent(payment.pix.qrSvg)}`}
                alt="QR Code PIX"
                className="mx-auto w-40"
              />
            )}
            {payment.pix.code && (
              <p className="font-mono text-[11px] break-all text-muted-foreground">
                {payment.pix.code}
              </p>
            )}
          </CardContent>
        </Card>
      </div>

      {childPayments.length > 0 && (
        <Card>
          <CardHeader>
            <CardTitle>{t('payments.detail.upsells')}</CardTitle>
          </CardHeader>
          <CardContent>
            <ul className="divide-y text-sm">
              {childPayments.map((child) => (
                <li key={child.id} className="flex items-center justify-between gap-3 py-2">
                  <Link
                    route="w.payments.show"
                    routeParams={{ workspaceSlug, id: child.id }}
                    className="hover:underline"
                  >
                    #{child.id} · {child.items.map((item) => item.name).join(', ')}
                  </Link>
                  <span className="flex items-center gap-2">
                    <span className="tabular-nums">{child.amount}</span>
                    <PaymentStatusBadge status={child.status} failure={child.failure} />
                  </span>
                </li>
              ))}
            </ul>
          </CardContent>
        </Card>
      )}

      <Card>
        <CardHeader>
          <CardTitle>{t('deliveries.payment.title')}</CardTitle>
          {deliveries.length > 0 && (
            <CardAction>
              <Link
                route="w.deliveries.index"
                routeParams={{ workspaceSlug }}
                qs={{ paymentId: payment.id }}
                className="text-xs underline"
              >
                {t('deliveries.payment.view_all')}
              </Link>
            </CardAction>
          )}
        </CardHeader>
        <CardContent>
          {deliveries.length === 0 ? (
            <p className="text-sm text-muted-foreground">{t('deliveries.payment.none')}</p>
          ) : (
            <ul className="divide-y text-sm" data-test="payment-deliveries">
              {deliveries.map((delivery) => (
                <li
                  key={delivery.id}
                  className="flex flex-wrap items-center justify-between gap-3 py-2"
                  data-test={`payment-delivery-${delivery.id}`}
                >
                  <div className="min-w-0 space-y-0.5">
                    <p className="flex flex-wrap items-center gap-2">
                      <span className="font-medium">{destination(delivery)}</span>
                      <span className="font-mono text-xs text-muted-foreground">
                        {delivery.event}
                      </span>
                      <DeliveryStatusBadge status={delivery.status} />
                    </p>
                    <p className="text-xs text-muted-foreground">
                      {formatDate(delivery.updatedAt)} ·{' '}
                      {t('payments.detail.attempts', { count: delivery.attempts })}
                      {delivery.responseStatus !== null && ` · HTTP ${delivery.responseStatus}`}
                      {delivery.nextAttemptAt &&
                        ` · ${t('deliveries.next_at', { when: formatDate(delivery.nextAttemptAt) })}`}
                    </p>
                    {(delivery.responseExcerpt ?? delivery.lastError) && (
                      <p
                        className={`max-w-2xl truncate font-mono text-xs ${canRedeliver(delivery) ? 'text-destructive' : 'text-muted-foreground'}`}
                        title={delivery.responseExcerpt ?? delivery.lastError ?? ''}
                      >
                        {delivery.responseExcerpt ?? delivery.lastError}
                      </p>
                    )}
                  </div>
                  <RedeliverButton delivery={delivery} />
                </li>
              ))}
            </ul>
          )}
        </CardContent>
      </Card>

      <BuyerEmailsList emails={buyerEmails} />

      <Card>
        <CardHeader>
          <CardTitle>{t('payments.detail.webhooks')}</CardTitle>
        </CardHeader>
        <CardContent className="space-y-3">
          {webhookEvents.length === 0 ? (
            <p className="text-sm text-muted-foreground">{t('payments.detail.no_webhooks')}</p>
          ) : (
            webhookEvents.map((event) => (
              <details key={event.id} className="rounded-md border p-3 text-xs">
                <summary className="cursor-pointer font-mono">
                  {event.eventKey} · {formatDate(event.receivedAt)}
                </summary>
                <pre className="mt-2 max-h-64 overflow-auto whitespace-pre-wrap">
                  {event.rawBody}
                </pre>
              </details>
            ))
          )}
          <details className="rounded-md border p-3 text-xs">
            <summary className="cursor-pointer">{t('payments.detail.gateway_response')}</summary>
            <pre className="mt-2 max-h-64 overflow-auto whitespace-pre-wrap">
              {JSON.stringify(payment.gatewayResponse, null, 2)}
            </pre>
          </details>
        </CardContent>
      </Card>
    </>
  )
}
