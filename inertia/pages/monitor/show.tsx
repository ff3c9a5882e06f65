import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import { router, usePage } from '@inertiajs/react'
import { Link } from '@adonisjs/inertia/react'
import { toast } from 'sonner'
import { PageHeader } from '~/components/app/page-header'
import { usePaymentDateFormat } from '~/components/payments/format'
import { PaymentStatusBadge } from '~/components/payments/status-badge'
import { useChannel, useReconnect, type LiveMessage } from '~/components/monitor/use_channel'
import { timeOnPage, useDeviceLabel, useNow } from '~/components/visitors/format'
import type { Data } from '@generated/data'
import type { FunnelWithSteps as FunnelOption } from '#actions/visitors/visitor_rows'
import { Badge } from '~/components/ui/badge'
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '~/components/ui/card'
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
import { useT } from '~/lib/i18n'

type PaymentStatus = Data.Payment['status']

/** A visitor row: VisitorTransformer's `row` variant (generated). */
type VisitorRow = Data.Visitor.Variants['row']

type FeedItem = {
  id: number
  status: PaymentStatus
  amountCents: number
  customerName: string | null
  funnelId: number | null
  at: string | null
}

/** A visitor heard live before the next reload brings its details (device, names). */
function liveRow(message: LiveMessage, funnels: FunnelOption[]): VisitorRow {
  const funnel = funnels.find((f) => f.id === message.funnelId)
  const now = new Date().toISOString()
  return {
    id: String(message.visitorId),
    funnelId: (message.funnelId as number | null) ?? null,
    currentStepId: (message.stepId as number | null) ?? null,
    isOnline: true,
    firstVisit: now,
    lastActivity: now,
    userAgent: null,
    ipAddress: null,
    attribution: {
      utmSource: (message.source as string | null) ?? null,
      utmMedium: null,
      utmCampaign: null,
      utmTerm: null,
      utmContent: null,
      src: null,
      sck: null,
      fbclid: null,
      ttclid: null,
      gclid: null,
    },
    landingUrl: null,
    referrer: null,
    lead: {},
    funnelName: funnel?.name ?? null,
    stepName: funnel?.steps.find((s) => s.id === message.stepId)?.name ?? null,
    stepEnteredAt: now,
    device: { kind: 'unknown', os: null },
  }
}

export default function MonitorShow({
  funnels,
  online,
  payments,
  splitVariants = [],
  variantOf = {},
}: {
  funnels: FunnelOption[]
  online: VisitorRow[]
  onlineTotal: number
  payments: FeedItem[]
  /** The variants of the running A/B tests, and the one each online visitor sees (issue 16). */
  splitVariants?: Array<{ id: number; name: string; stepId: number; isControl: boolean }>
  variantOf?: Record<string, number>
}) {
  const t = useT()
  const now = useNow()
  const formatDate = usePaymentDateFormat()
  const deviceLabel = useDeviceLabel()
  const { workspace } = usePage().props
  const [visitors, setVisitors] = useState<VisitorRow[]>(online)
  const [feed, setFeed] = useState<FeedItem[]>(payments)
  const [funnelId, setFunnelId] = useState<number | null>(funnels[0]?.id ?? null)
  const [joined, setJoined] = useState(false)
  const [connected, setConnected] = useState(false)

  /** A reload (catch-up or details) replaces the live guesses with the server's truth. */
  useEffect(() => setVisitors(online), [online])
  const [variantSeen, setVariantSeen] = useState<Record<string, number>>(variantOf)
  useEffect(() => setVariantSeen(variantOf), [variantOf])
  const variantName = (visitorId: string) =>
    splitVariants.find((variant) => variant.id === variantSeen[visitorId])?.name ?? null
  useEffect(() => setFeed(payments), [payments])

  const refreshTimer = useRef<ReturnType<typeof setTimeout> | null>(null)
  const refresh = useCallback(() => {
    if (refreshTimer.current) clearTimeout(refreshTimer.current)
    refreshTimer.current = setTimeout(
      () => router.reload({ only: ['online', 'onlineTotal', 'payments', 'variantOf'] }),
      800
    )
  }, [])
  useEffect(() => () => void (refreshTimer.current && clearTimeout(refreshTimer.current)), [])

  const onMessage = (message: LiveMessage) => {
    switch (message.event) {
      case 'visitor_online':
      case 'visitor_step_change': {
        const row = liveRow(message, funnels)
        /** The A/B variant of the visitor's new step, when that step is under test. */
        setVariantSeen(({ [row.id]: _previous, ...others }) =>
          message.variantId ? { ...others, [row.id]: Number(message.variantId) } : others
        )
        setVisitors((list) => {
          const existing = list.find((v) => v.id === row.id)
          if (!existing) return [row, ...list]
          if (existing.currentStepId === row.currentStepId && existing.isOnline) return list
          return list.map((v) =>
            v.id === row.id
              ? {
                  ...v,
                  isOnline: true,
                  funnelId: row.funnelId,
                  funnelName: row.funnelName,
                  currentStepId: row.currentStepId,
                  stepName: row.stepName,
                  stepEnteredAt: row.stepEnteredAt,
                }
              : v
          )
        })
        if (message.event === 'visitor_online') refresh()
        break
      }
      case 'visitor_offline':
        setVisitors((list) => list.filter((v) => v.id !== message.visitorId))
        break
      case 'new_payment':
      case 'payment_status_change': {
        const item: FeedItem = {
          id: Number(message.paymentId),
          status: message.status as PaymentStatus,
          amountCents: Number(message.amountCents),
          customerName: (message.customerName as string | null) ?? null,
          funnelId: (message.funnelId as number | null) ?? null,
          at: new Date().toISOString(),
        }
        setFeed((list) => [item, ...list.filter((p) => p.id !== item.id)].slice(0, 20))
        const params = {
          amount: formatBRL(item.amountCents),
          name: item.customerName ?? t('monitor.someone'),
          status: t(`payments.status.${item.status}`),
        }
        if (message.event === 'new_payment') toast(t('monitor.toast.new_payment', params))
        else if (item.status === 'paid') toast.success(t('monitor.toast.paid', params))
        else toast(t('monitor.toast.status', params))
        break
      }
    }
  }

  useChannel(workspace ? `workspaces/${workspace.id}` : null, onMessage, setConnected)
  /** Joining a funnel's monitor listens to its channel; choosing another one leaves it. */
  useChannel(
    workspace && funnelId ? `workspaces/${workspace.id}/funnels/${funnelId}` : null,
    () => {},
    setJoined
  )
  useReconnect(() =>
    router.reload({ only: ['online', 'onlineTotal', 'payments', 'variantOf', 'splitVariants'] })
  )

  const funnel = funnels.find((f) => f.id === funnelId) ?? null
  const perStep = useMemo(() => {
    const counts = new Map<number | null, number>()
    for (const v of visitors) {
      if (v.funnelId !== funnelId) continue
      counts.set(v.currentStepId, (counts.get(v.currentStepId) ?? 0) + 1)
    }
    return counts
  }, [visitors, funnelId])
  if (!workspace) return null
  const shown = funnelId ? visitors.filter((v) => v.funnelId === funnelId) : visitors

  return (
    <>
      <PageHeader
        title={t('monitor.title')}
        description={t('monitor.subtitle')}
        actions={
          <Badge
            variant={connected ? 'success' : 'outline'}
            data-test="monitor-connection"
            data-connected={connected ? 'true' : 'false'}
          >
            {connected ? t('monitor.live') : t('monitor.connecting')}
          </Badge>
        }
      />

      <div className="grid grid-cols-1 gap-3 sm:grid-cols-[minmax(0,20rem)_1fr] sm:items-end">
        <div className="space-y-1.5">
          <Label htmlFor="monitor-funnel">{t('monitor.funnel')}</Label>
          <Select
            id="monitor-funnel"
            value={funnelId ? String(funnelId) : ''}
            onChange={(e) => setFunnelId(e.target.value ? Number(e.target.value) : null)}
            data-test="monitor-funnel"
            data-joined={joined ? 'true' : 'false'}
          >
            <option value="">{t('monitor.all_funnels')}</option>
            {funnels.map((f) => (
              <option key={f.id} value={f.id}>
                {f.name}
              </option>
            ))}
          </Select>
        </div>
        <p className="text-sm text-muted-foreground" data-test="monitor-online-count">
          {t('monitor.online_count', { count: shown.length })}
        </p>
      </div>

      {funnel && (
        <Card className="gap-3">
          <CardHeader>
            <CardTitle>{funnel.name}</CardTitle>
            <CardDescription>{t('monitor.steps_hint')}</CardDescription>
          </CardHeader>
          <CardContent>
            {funnel.steps.length === 0 ? (
              <p className="text-sm text-muted-foreground">{t('monitor.no_steps')}</p>
            ) : (
              <ol className="flex flex-col gap-2" data-test="monitor-steps">
                {funnel.steps.map((step, index) => {
                  const count = perStep.get(step.id) ?? 0
                  const max = Math.max(1, ...funnel.steps.map((s) => perStep.get(s.id) ?? 0))
                  return (
                    <li
                      key={step.id}
                      className="grid grid-cols-[2rem_minmax(0,12rem)_1fr_3rem] items-center gap-3"
                      data-test={`monitor-step-${step.id}`}
                    >
                      <span className="text-xs text-muted-foreground tabular-nums">
                        {index + 1}
                      </span>
                      <span className="truncate text-sm font-medium">{step.name}</span>
                      <div className="h-6 rounded bg-muted">
                        <div
                          className="h-6 rounded bg-primary transition-all duration-500"
                          style={{ width: `${(count / max) * 100}%` }}
                        />
                      </div>
                      <span
                        className="text-right text-sm font-semibold tabular-nums"
                        data-test={`monitor-step-count-${step.id}`}
                      >
                        {count}
                      </span>
                      {splitVariants.some((variant) => variant.stepId === step.id) && (
                        <p
                          className="col-span-2 col-start-3 text-xs text-muted-foreground"
                          data-test={`monitor-step-variants-${step.id}`}
                        >
                          {t('split_tests.online_by_variant')}:{' '}
                          {splitVariants
                            .filter((variant) => variant.stepId === step.id)
                            .map(
                              (variant) =>
                                `${variant.name}: ${
                                  visitors.filter(
                                    (v) =>
                                      v.currentStepId === step.id &&
                                      variantSeen[v.id] === variant.id
                                  ).length
                                }`
                            )
                            .join(' · ')}
                        </p>
                      )}
                    </li>
                  )
                })}
              </ol>
            )}
          </CardContent>
        </Card>
      )}

      <div className="grid grid-cols-1 gap-4 xl:grid-cols-[minmax(0,1fr)_22rem]">
        <Card className="gap-0 py-2">
          <CardHeader className="py-3">
            <CardTitle>{t('monitor.online_title')}</CardTitle>
          </CardHeader>
          <CardContent className="px-0">
            {shown.length === 0 ? (
              <p className="px-6 py-4 text-sm text-muted-foreground" data-test="monitor-empty">
                {t('monitor.nobody')}
              </p>
            ) : (
              <Table data-test="monitor-visitors">
                <TableHeader>
                  <TableRow className="hover:bg-transparent">
                    <TableHead className="pl-6">{t('visitors.col.step')}</TableHead>
                    <TableHead>{t('visitors.col.source')}</TableHead>
                    <TableHead>{t('visitors.col.time_on_page')}</TableHead>
                    <TableHead className="pr-6">{t('visitors.col.device')}</TableHead>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {shown.map((visitor) => (
                    <TableRow key={visitor.id} data-test={`monitor-visitor-${visitor.id}`}>
                      <TableCell className="pl-6">
                        <Link
                          route="w.visitors.show"
                          routeParams={{ workspaceSlug: workspace.slug, id: visitor.id }}
                          className="font-medium hover:underline"
                        >
                          {visitor.stepName ?? t('visitors.no_step')}
                        </Link>
                        {variantName(visitor.id) && (
                          <Badge
                            variant="outline"
                            className="ml-2"
                            data-test={`monitor-variant-${visitor.id}`}
                          >
                            {variantName(visitor.id)}
                          </Badge>
                        )}
                        <div className="text-xs text-muted-foreground">
                          {visitor.funnelName ?? '—'}
                        </div>
                      </TableCell>
                      <TableCell>{visitor.attribution.utmSource ?? t('visitors.direct')}</TableCell>
                      <TableCell className="tabular-nums">
                        {timeOnPage(visitor, now) ?? '—'}
                      </TableCell>
                      <TableCell className="pr-6">{deviceLabel(visitor.device)}</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            )}
          </CardContent>
        </Card>

        <Card className="gap-0 py-2">
          <CardHeader className="py-3">
            <CardTitle>{t('monitor.payments_title')}</CardTitle>
          </CardHeader>
          <CardContent>
            {feed.length === 0 ? (
              <p className="py-2 text-sm text-muted-foreground">{t('monitor.no_payments')}</p>
            ) : (
              <ul className="divide-y" data-test="monitor-payments">
                {feed.map((item) => (
                  <li
                    key={item.id}
                    className="flex items-center justify-between gap-2 py-2"
                    data-test={`monitor-payment-${item.id}`}
                  >
                    <div className="min-w-0">
                      <Link
                        route="w.payments.show"
                        routeParams={{ workspaceSlug: workspace.slug, id: item.id }}
                        className="block truncate text-sm font-medium hover:underline"
                      >
                        {item.customerName ?? `#${item.id}`}
                      </Link>
                      <div className="text-xs text-muted-foreground">{formatDate(item.at)}</div>
                    </div>
                    <div className="flex shrink-0 flex-col items-end gap-1">
                      <span className="text-sm tabular-nums">{formatBRL(item.amountCents)}</span>
                      <PaymentStatusBadge status={item.status} />
                    </div>
                  </li>
                ))}
              </ul>
            )}
          </CardContent>
        </Card>
      </div>
    </>
  )
}
