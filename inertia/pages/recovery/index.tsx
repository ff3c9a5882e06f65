import { usePage } from '@inertiajs/react'
import { Link } from '@adonisjs/inertia/react'
import { useState } from 'react'
import { CopyIcon, DownloadIcon } from 'lucide-react'
import { PageHeader } from '~/components/app/page-header'
import { Badge } from '~/components/ui/badge'
import { Button } from '~/components/ui/button'
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '~/components/ui/card'
import { Input } from '~/components/ui/input'
import {
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from '~/components/ui/table'
import { usePaymentDateFormat } from '~/components/payments/format'
import { formatBRL } from '~/lib/money'
import { useT } from '~/lib/i18n'
import { urlFor } from '~/lib/client'

type RecoveryStatus = 'abandoned' | 'pix_expired' | 'recovered'

export type RecoveryRow = {
  id: number
  name: string | null
  email: string | null
  phone: string | null
  status: RecoveryStatus
  funnelName: string
  amountCents: number | null
  recoveredCents: number | null
  paymentId: number | null
  createdAt: string
  abandonedAt: string | null
  recoveredAt: string | null
  consentedAt: string | null
  recoveryUrl: string
}

const VARIANT = {
  abandoned: 'secondary',
  pix_expired: 'destructive',
  recovered: 'success',
} as const

/** "Recuperação": abandoned checkouts with their one-click recovery link, filters and export. */
export default function RecoveryIndex({
  rows,
  totals,
  meta,
  filters,
}: {
  rows: RecoveryRow[]
  totals: { abandoned: number; pixExpired: number; recovered: number; recoveredCents: number }
  meta: { page: number; perPage: number; total: number }
  filters: { status: RecoveryStatus | null; from: string | null; to: string | null }
}) {
  const t = useT()
  const formatDate = usePaymentDateFormat()
  const { workspace } = usePage().props
  const [copied, setCopied] = useState<number | null>(null)
  if (!workspace) return null
  const base = urlFor('w.recovery.index', { workspaceSlug: workspace.slug })
  const query = (changes: Record<string, string | number | null>) => {
    const params = new URLSearchParams()
    const merged = { ...filters, ...changes }
    for (const [key, value] of Object.entries(merged)) if (value) params.set(key, String(value))
    const text = params.toString()
    return text ? `?${text}` : ''
  }
  const pages = Math.max(1, Math.ceil(meta.total / meta.perPage))

  return (
    <>
      <PageHeader title={t('recovery.title')} description={t('recovery.subtitle')} />

      <div className="grid gap-4 sm:grid-cols-4" data-test="recovery-totals">
        {[
          ['abandoned', totals.abandoned],
          ['pix_expired', totals.pixExpired],
          ['recovered', totals.recovered],
          ['revenue', formatBRL(totals.recoveredCents)],
        ].map(([key, value]) => (
          <Card key={key as string}>
            <CardHeader>
              <CardDescription>{t(`recovery.totals.${key}`)}</CardDescription>
              <CardTitle className="text-2xl" data-test={`recovery-total-${key}`}>
                {value}
              </CardTitle>
            </CardHeader>
          </Card>
        ))}
      </div>

      <Card>
        <CardContent className="space-y-4">
          <form method="get" action={base} className="flex flex-wrap items-end gap-3">
            <div className="flex flex-wrap gap-2">
              {([null, 'abandoned', 'pix_expired', 'recovered'] as const).map((status) => (
                <Button
                  key={status ?? 'all'}
                  asChild
                  size="sm"
                  variant={filters.status === status ? 'default' : 'outline'}
                >
                  <Link href={`${base}${query({ status, page: null })}`}>
                    {status ? t(`recovery.status.${status}`) : t('recovery.all')}
                  </Link>
                </Button>
              ))}
            </div>
            {filters.status && <input type="hidden" name="status" value={filters.status} />}
            <label className="grid gap-1 text-xs">
              {t('recovery.from')}
              <Input type="date" name="from" defaultValue={filters.from ?? ''} className="h-8" />
            </label>
            <label className="grid gap-1 text-xs">
              {t('recovery.to')}
              <Input type="date" name="to" defaultValue={filters.to ?? ''} className="h-8" />
            </label>
            <Button type="submit" size="sm" variant="outline">
              {t('recovery.filter')}
            </Button>
            <Button asChild size="sm" variant="outline" className="ml-auto">
              <a
                href={`${urlFor('w.recovery.export', { workspaceSlug: workspace.slug })}${query({ page: null })}`}
                data-test="recovery-export"
              >
                <DownloadIcon />
                {t('recovery.export')}
              </a>
            </Button>
          </form>

          {rows.length === 0 ? (
            <p className="py-8 text-center text-sm text-muted-foreground">{t('recovery.empty')}</p>
          ) : (
            <Table data-test="recovery-table">
              <TableHeader>
                <TableRow>
                  <TableHead>{t('recovery.col.buyer')}</TableHead>
                  <TableHead>{t('recovery.col.funnel')}</TableHead>
                  <TableHead>{t('recovery.col.status')}</TableHead>
                  <TableHead>{t('recovery.col.amount')}</TableHead>
                  <TableHead>{t('recovery.col.when')}</TableHead>
                  <TableHead>{t('recovery.col.link')}</TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {rows.map((row) => (
                  <TableRow key={row.id} data-test={`recovery-row-${row.id}`}>
                    <TableCell>
                      <p className="font-medium">{row.name ?? '—'}</p>
                      <p className="text-xs text-muted-foreground">
                        {[row.email, row.phone].filter(Boolean).join(' · ')}
                      </p>
                    </TableCell>
                    <TableCell>{row.funnelName}</TableCell>
                    <TableCell>
                      <Badge variant={VARIANT[row.status]} data-test="recovery-status">
                        {t(`recovery.status.${row.status}`)}
                      </Badge>
                    </TableCell>
                    <TableCell>
                      {row.recoveredCents !== null
                        ? formatBRL(row.recoveredCents)
                        : row.amountCents !== null
                          ? formatBRL(row.amountCents)
                          : '—'}
                    </TableCell>
                    <TableCell className="text-xs">
                      {formatDate(row.recoveredAt ?? row.abandonedAt ?? row.createdAt)}
                    </TableCell>
                    <TableCell>
                      {row.status !== 'recovered' && (
                        <div className="flex gap-2">
                          <Button
                            size="sm"
                            variant="outline"
                            data-test="recovery-copy"
                            onClick={() => {
                              void navigator.clipboard?.writeText(row.recoveryUrl)
                              setCopied(row.id)
                            }}
                          >
                            <CopyIcon />
                            {copied === row.id ? t('recovery.copied') : t('recovery.copy_link')}
                          </Button>
                          <Button asChild size="sm" variant="ghost">
                            <a
                              href={row.recoveryUrl}
                              target="_blank"
                              rel="noopener noreferrer"
                              data-test="recovery-link"
                            >
                              {t('recovery.open_link')}
                            </a>
                          </Button>
                        </div>
                      )}
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}

          {pages > 1 && (
            <div className="flex justify-end gap-2 text-sm">
              {meta.page > 1 && (
                <Link href={`${base}${query({ page: meta.page - 1 })}`} className="underline">
                  ←
                </Link>
              )}
              <span>
                {meta.page} / {pages}
              </span>
              {meta.page < pages && (
                <Link href={`${base}${query({ page: meta.page + 1 })}`} className="underline">
                  →
                </Link>
              )}
            </div>
          )}
        </CardContent>
      </Card>
    </>
  )
}
