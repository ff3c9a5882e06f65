import { useEffect } from 'react'
import { router, usePage } from '@inertiajs/react'
import { DownloadIcon, FileSpreadsheetIcon } from 'lucide-react'
import { EmptyState } from '~/components/app/empty-state'
import { PageHeader } from '~/components/app/page-header'
import { Button } from '~/components/ui/button'
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '~/components/ui/card'
import { useLocale, useT } from '~/lib/i18n'
import { urlFor } from '~/lib/client'

type Kind = 'payments' | 'leads' | 'visitors' | 'deliveries'

type ExportRow = {
  id: number
  kind: Kind
  status: 'queued' | 'running' | 'done' | 'failed'
  totalRows: number | null
  processedRows: number
  percent: number
  fileBytes: number | null
  error: string | null
  createdAt: string | null
  expiresAt: string | null
  expired: boolean
  downloadUrl: string | null
}

/**
 * Background CSV exports: a large list's offer ("Gerar arquivo"), then each export with its
 * progress bar (the page reloads its `exports` prop every second while one is running) and
 * its download link.
 */
export default function ExportsIndex({
  exports,
  offer,
}: {
  exports: ExportRow[]
  offer: { kind: Kind; filters: Record<string, string>; syncMaxRows: number } | null
}) {
  const t = useT()
  const locale = useLocale()
  const { workspace } = usePage().props
  const active = exports.some((row) => row.status === 'queued' || row.status === 'running')

  useEffect(() => {
    if (!active) return
    const timer = setInterval(() => router.reload({ only: ['exports'] }), 1000)
    return () => clearInterval(timer)
  }, [active])

  if (!workspace) return null
  const format = new Intl.DateTimeFormat(locale, {
    dateStyle: 'short',
    timeStyle: 'short',
    timeZone: workspace.timezone,
  })
  const number = new Intl.NumberFormat(locale)

  const generate = () =>
    offer &&
    router.post(urlFor('w.exports.store', { workspaceSlug: workspace.slug }), {
      kind: offer.kind,
      ...offer.filters,
    })

  return (
    <>
      <PageHeader title={t('exports.title')} description={t('exports.subtitle')} />

      {offer && (
        <Card data-test="export-offer">
          <CardHeader>
            <CardTitle>
              {t('exports.offer_title')} · {t(`exports.kind.${offer.kind}`)}
            </CardTitle>
            <CardDescription>
              {t('exports.offer_description', { limit: number.format(offer.syncMaxRows) })}
            </CardDescription>
          </CardHeader>
          <CardContent>
            <Button onClick={generate} data-test="export-generate">
              <FileSpreadsheetIcon />
              {t('exports.offer_button')}
            </Button>
          </CardContent>
        </Card>
      )}

      {exports.length === 0 ? (
        <EmptyState icon={FileSpreadsheetIcon} description={t('exports.none')} />
      ) : (
        <div className="grid gap-3">
          {exports.map((row) => (
            <Card key={row.id} className="gap-3 py-4" data-test={`export-row-${row.id}`}>
              <CardContent className="flex flex-col gap-3 px-5 sm:flex-row sm:items-center">
                <div className="min-w-0 flex-1 space-y-2">
                  <div className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
                    <span className="font-medium">{t(`exports.kind.${row.kind}`)}</span>
                    <span className="text-sm text-muted-foreground">
                      {row.createdAt ? format.format(new Date(row.createdAt)) : '—'}
                    </span>
                    <span className="text-sm" data-test="export-status">
                      {row.expired ? t('exports.expired_short') : t(`exports.status.${row.status}`)}
                    </span>
                  </div>
                  {row.status !== 'failed' && (
                    <div
                      role="progressbar"
                      aria-valuemin={0}
                      aria-valuemax={100}
                      aria-valuenow={row.percent}
                      className="h-2 w-full overflow-hidden rounded-full bg-muted"
                      data-test="export-progress"
                    >
                      <div
                        className="h-full bg-primary transition-[width]"
                        style={{ width: `${row.percent}%` }}
                      />
                    </div>
                  )}
                  <p className="text-xs text-muted-foreground">
                    {row.status === 'failed'
                      ? row.error
                      : t('exports.rows', {
                          processed: number.format(row.processedRows),
                          total: number.format(row.totalRows ?? 0),
                        })}
                    {row.expiresAt &&
                      !row.expired &&
                      ` · ${t('exports.expires', { date: format.format(new Date(row.expiresAt)) })}`}
                  </p>
                </div>
                {row.downloadUrl && (
                  <Button asChild size="sm">
                    <a href={row.downloadUrl} data-test="export-download">
                      <DownloadIcon />
                      {t('exports.download')}
                    </a>
                  </Button>
                )}
              </CardContent>
            </Card>
          ))}
        </div>
      )}
    </>
  )
}
