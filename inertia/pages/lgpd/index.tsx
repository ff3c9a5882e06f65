import { useState, type FormEvent } from 'react'
import { router, usePage } from '@inertiajs/react'
import { DownloadIcon, SearchIcon, ShieldCheckIcon, UserXIcon } from 'lucide-react'
import { PageHeader } from '~/components/app/page-header'
import { Button } from '~/components/ui/button'
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '~/components/ui/card'
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
} from '~/components/ui/dialog'
import { Input } from '~/components/ui/input'
import { InputError } from '~/components/ui/input-error'
import { Label } from '~/components/ui/label'
import { useLocale, useT } from '~/lib/i18n'
import { urlFor } from '~/lib/client'

type Subject = {
  email?: string | null
  cpf?: string | null
  phone?: string | null
}

type SentPostback = {
  id: number
  target: string
  endpointName: string | null
  event: string
  paymentId: number | null
  deliveredAt: string | null
}

type Result = {
  counts: Record<string, number>
  sentPostbacks: SentPostback[]
  payments?: Array<{
    id: number
    status: string
    amount: string
    createdAt: string
    name: string | null
  }>
}

/** Only the identifiers typed: an empty field is not sent (it would fail the e-mail rule). */
function filled(subject: Subject) {
  return Object.fromEntries(
    Object.entries(subject).filter(([, value]) => typeof value === 'string' && value.trim())
  ) as Record<string, string>
}

/**
 * The XSRF cookie as Shield wants it back in `X-XSRF-TOKEN` (what Inertia's own requests send):
 * the export is a file, fetched and handed to the browser as a download.
 */
function xsrfToken() {
  return (
    document.cookie
      .split('; ')
      .find((cookie) => cookie.startsWith('XSRF-TOKEN='))
      ?.slice('XSRF-TOKEN='.length) ?? ''
  )
}

/**
 * Solicitações LGPD: find a data subject, download what the workspace holds (JSON / CSV),
 * anonymise them (typed confirmation), and see the postbacks already sent to third parties.
 */
export default function LgpdIndex({
  subject,
  result,
  erased,
}: {
  subject: Subject | null
  result: Result | null
  erased: Result | null
}) {
  const t = useT()
  const locale = useLocale()
  const { workspace, errors } = usePage<{ errors?: Record<string, string> }>().props
  const [draft, setDraft] = useState<Subject>(() => ({
    email: subject?.email ?? '',
    cpf: subject?.cpf ?? '',
    phone: subject?.phone ?? '',
  }))
  const [confirmOpen, setConfirmOpen] = useState(false)
  const [confirmText, setConfirmText] = useState('')
  const [downloading, setDownloading] = useState(false)
  if (!workspace) return null
  const format = new Intl.DateTimeFormat(locale, {
    dateStyle: 'short',
    timeStyle: 'short',
    timeZone: workspace.timezone,
  })

  const search = (event: FormEvent) => {
    event.preventDefault()
    router.post(urlFor('w.lgpd.search', { workspaceSlug: workspace.slug }), filled(draft))
  }

  const download = async (fileFormat: 'json' | 'csv') => {
    setDownloading(true)
    try {
      const response = await fetch(urlFor('w.lgpd.export', { workspaceSlug: workspace.slug }), {
        method: 'POST',
        credentials: 'same-origin',
        headers: {
          'Content-Type': 'application/json',
          'Accept': fileFormat === 'csv' ? 'text/csv' : 'application/json',
          'X-XSRF-TOKEN': xsrfToken(),
        },
        body: JSON.stringify({ ...filled(subject ?? {}), format: fileFormat }),
      })
      if (!response.ok) return
      const link = document.createElement('a')
      link.href = URL.createObjectURL(await response.blob())
      link.download = `lgpd-${workspace.slug}.${fileFormat}`
      link.click()
      URL.revokeObjectURL(link.href)
    } finally {
      setDownloading(false)
    }
  }

  const erase = () =>
    router.post(
      urlFor('w.lgpd.erase', { workspaceSlug: workspace.slug }),
      { ...filled(subject ?? {}), confirm: confirmText },
      { onSuccess: () => setConfirmOpen(false) }
    )

  const shown = erased ?? result
  const total = shown ? Object.values(shown.counts).reduce((sum, n) => sum + n, 0) : 0

  return (
    <>
      <PageHeader title={t('lgpd.title')} description={t('lgpd.subtitle')} />

      <Card>
        <CardContent>
          <form
            onSubmit={search}
            className="grid gap-4 sm:grid-cols-[1fr_1fr_1fr_auto] sm:items-end"
            data-test="lgpd-search"
          >
            {(['email', 'cpf', 'phone'] as const).map((field) => (
              <div key={field} className="grid gap-2">
                <Label htmlFor={`lgpd-${field}`}>{t(`lgpd.${field}`)}</Label>
                <Input
                  id={`lgpd-${field}`}
                  name={field}
                  type={field === 'email' ? 'email' : 'text'}
                  inputMode={field === 'email' ? 'email' : 'numeric'}
                  value={draft[field] ?? ''}
                  onChange={(event) => setDraft({ ...draft, [field]: event.target.value })}
                  aria-invalid={Boolean(errors?.[field])}
                  data-test={`lgpd-${field}`}
                />
                <InputError message={errors?.[field]} />
              </div>
            ))}
            <Button type="submit" data-test="lgpd-submit">
              <SearchIcon />
              {t('lgpd.search')}
            </Button>
          </form>
        </CardContent>
      </Card>

      {erased && (
        <p className="flex items-center gap-2 text-sm" role="status" data-test="lgpd-erased">
          <ShieldCheckIcon className="size-4 text-emerald-600" />
          {t('lgpd.erased', { count: total })}
        </p>
      )}

      {shown && (
        <Card data-test="lgpd-results">
          <CardHeader>
            <CardTitle>{t('lgpd.results')}</CardTitle>
            {!erased && total === 0 && <CardDescription>{t('lgpd.nothing')}</CardDescription>}
          </CardHeader>
          <CardContent className="space-y-6">
            <dl className="grid gap-x-6 gap-y-2 sm:grid-cols-2 lg:grid-cols-3">
              {Object.entries(shown.counts).map(([table, count]) => (
                <div key={table} className="flex justify-between gap-4 text-sm">
                  <dt className="text-muted-foreground">{t(`lgpd.table.${table}`)}</dt>
                  <dd className="tabular-nums" data-test={`lgpd-count-${table}`}>
                    {count}
                  </dd>
                </div>
              ))}
            </dl>

            <section className="space-y-2">
              <h2 className="font-medium">{t('lgpd.sent_title')}</h2>
              {shown.sentPostbacks.length === 0 ? (
                <p className="text-sm text-muted-foreground">{t('lgpd.sent_none')}</p>
              ) : (
                <>
                  <p className="text-sm text-muted-foreground">{t('lgpd.sent_description')}</p>
                  <ul className="space-y-1 text-sm" data-test="lgpd-sent">
                    {shown.sentPostbacks.map((sent) => (
                      <li key={sent.id}>
                        {sent.endpointName
                          ? t('deliveries.target.custom_named', { name: sent.endpointName })
                          : t(`deliveries.target.${sent.target}`)}{' '}
                        · {sent.event}
                        {sent.deliveredAt && ` · ${format.format(new Date(sent.deliveredAt))}`}
                      </li>
                    ))}
                  </ul>
                </>
              )}
            </section>

            {!erased && total > 0 && (
              <div className="flex flex-wrap gap-2">
                <Button
                  variant="outline"
                  disabled={downloading}
                  onClick={() => download('json')}
                  data-test="lgpd-export-json"
                >
                  <DownloadIcon />
                  {t('lgpd.export_json')}
                </Button>
                <Button
                  variant="outline"
                  disabled={downloading}
                  onClick={() => download('csv')}
                  data-test="lgpd-export-csv"
                >
                  <DownloadIcon />
                  {t('lgpd.export_csv')}
                </Button>
                <Button
                  variant="destructive"
                  onClick={() => setConfirmOpen(true)}
                  data-test="lgpd-erase"
                >
                  <UserXIcon />
                  {t('lgpd.erase')}
                </Button>
              </div>
            )}
          </CardContent>
        </Card>
      )}

      <Dialog open={confirmOpen} onOpenChange={setConfirmOpen}>
        <DialogContent closeLabel={t('common.close')} className="sm:max-w-md">
          <DialogHeader>
            <DialogTitle>{t('lgpd.erase_title')}</DialogTitle>
            <DialogDescription>{t('lgpd.erase_description')}</DialogDescription>
          </DialogHeader>
          <div className="grid gap-2">
            <Label htmlFor="lgpd-confirm">{t('lgpd.erase_confirm_label')}</Label>
            <Input
              id="lgpd-confirm"
              value={confirmText}
              onChange={(event) => setConfirmText(event.target.value)}
              aria-invalid={Boolean(errors?.confirm)}
              data-test="lgpd-confirm"
            />
            <InputError message={errors?.confirm} />
          </div>
          <DialogFooter>
            <Button
              variant="destructive"
              onClick={erase}
              disabled={confirmText.trim().toUpperCase() !== 'ANONIMIZAR'}
              data-test="lgpd-erase-confirm"
            >
              {t('lgpd.erase_confirm')}
            </Button>
          </DialogFooter>
        </DialogContent>
      </Dialog>
    </>
  )
}
