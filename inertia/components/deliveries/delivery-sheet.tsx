import { useState, type ReactNode } from 'react'
import { usePage } from '@inertiajs/react'
import { Link } from '@adonisjs/inertia/react'
import { usePaymentDateFormat } from '~/components/payments/format'
import { Sheet, SheetContent, SheetDescription, SheetTitle } from '~/components/ui/sheet'
import { useT } from '~/lib/i18n'
import { describeDeliveryError } from '~/components/deliveries/delivery_error'
import { prettyJson, useDestination } from './format'
import { RedeliverButton } from './redeliver-button'
import { DeliveryStatusBadge } from './status-badge'
import type { Data } from '@generated/data'

type DeliveryDetail = Data.Delivery.Variants['detail']

/**
 * One delivery in a sheet on the right: what was sent (pretty JSON), what came back, the
 * attempts and "Reenviar". Closing it is the page's business (it changes the URL back).
 */
export function DeliverySheet({
  delivery,
  onClose,
}: {
  delivery: DeliveryDetail | null
  onClose: () => void
}) {
  const t = useT()
  const formatDate = usePaymentDateFormat()
  const destination = useDestination()
  const { workspace } = usePage().props
  /** The last delivery shown stays in the sheet while it fades out. */
  const [last, setLast] = useState(delivery)
  if (delivery && delivery !== last) setLast(delivery)
  const shown = delivery ?? last

  const row = (label: string, value: ReactNode) => (
    <>
      <dt className="text-muted-foreground">{label}</dt>
      <dd className="min-w-0 break-words">{value}</dd>
    </>
  )

  return (
    <Sheet open={delivery !== null} onOpenChange={(open) => !open && onClose()}>
      <SheetContent
        closeLabel={t('common.close')}
        className="right-0 left-auto w-full max-w-xl gap-5 overflow-y-auto p-6 data-[state=closed]:animate-fade-out data-[state=open]:animate-fade-in"
        data-test="delivery-sheet"
      >
        {shown && (
          <>
            <div className="space-y-1 pr-8">
              <SheetTitle className="text-lg">
                {t('deliveries.detail.title', { id: shown.id })}
              </SheetTitle>
              <SheetDescription>
                {destination(shown)} · <span className="font-mono">{shown.event}</span>
              </SheetDescription>
            </div>
            <div className="flex flex-wrap items-center gap-2">
              <DeliveryStatusBadge status={shown.status} />
              <RedeliverButton delivery={shown} />
            </div>
            <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1.5 text-sm">
              {row(t('deliveries.detail.created'), formatDate(shown.createdAt))}
              {row(
                t('deliveries.col.payment'),
                shown.paymentId && workspace ? (
                  <Link
                    route="w.payments.show"
                    routeParams={{ workspaceSlug: workspace.slug, id: shown.paymentId }}
                    className="underline"
                  >
                    #{shown.paymentId}
                  </Link>
                ) : (
                  '—'
                )
              )}
              {row(t('deliveries.col.attempts'), shown.attempts)}
              {row(t('deliveries.col.http'), shown.responseStatus ?? '—')}
              {row(
                t('deliveries.col.duration'),
                shown.durationMs === null
                  ? '—'
                  : t('deliveries.duration_ms', { ms: shown.durationMs })
              )}
              {shown.deliveredAt &&
                row(t('deliveries.detail.delivered'), formatDate(shown.deliveredAt))}
              {shown.nextAttemptAt &&
                row(t('deliveries.detail.next_attempt'), formatDate(shown.nextAttemptAt))}
              {shown.lastError &&
                row(
                  t('deliveries.detail.last_error'),
                  <span className="text-destructive" title={shown.lastError}>
                    {describeDeliveryError(t, shown.lastError)}
                  </span>
                )}
            </dl>
            <section className="space-y-2">
              <h3 className="text-sm font-medium">{t('deliveries.detail.request')}</h3>
              <pre
                className="max-h-96 overflow-auto rounded-md border bg-muted/40 p-3 font-mono text-xs whitespace-pre-wrap"
                data-test="delivery-request"
              >
                {prettyJson(shown.request.body ?? shown.request)}
              </pre>
            </section>
            <section className="space-y-2">
              <h3 className="text-sm font-medium">{t('deliveries.detail.response')}</h3>
              {shown.responseExcerpt ? (
                <pre
                  className="max-h-64 overflow-auto rounded-md border bg-muted/40 p-3 font-mono text-xs whitespace-pre-wrap"
                  data-test="delivery-response"
                >
                  {prettyJson(shown.responseExcerpt)}
                </pre>
              ) : (
                <p className="text-sm text-muted-foreground">
                  {t('deliveries.detail.no_response')}
                </p>
              )}
            </section>
          </>
        )}
      </SheetContent>
    </Sheet>
  )
}
