import { router, usePage } from '@inertiajs/react'
import { Link } from '@adonisjs/inertia/react'
import { useState, type FormEvent } from 'react'
import { PageHeader } from '~/components/app/page-header'
import { Button } from '~/components/ui/button'
import { Card, CardContent } from '~/components/ui/card'
import { Input } from '~/components/ui/input'
import { Label } from '~/components/ui/label'
import {
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from '~/components/ui/table'
import { useLocale, useT } from '~/lib/i18n'
import { urlFor } from '~/lib/client'

type AuditEvent = {
  id: number
  action: string
  method: string | null
  path: string | null
  subjectId: string | null
  ip: string | null
  createdAt: string
  user: { name: string; email: string } | null
}

type Filters = {
  action: string
  user: string
  from: string
  to: string
}

/** Registro de atividades: who changed what in the workspace, and the agency's logins. */
export default function AuditIndex({
  events,
  filters,
  meta,
}: {
  events: AuditEvent[]
  filters: Filters
  meta: { total: number; page: number; lastPage: number }
}) {
  const t = useT()
  const locale = useLocale()
  const { workspace } = usePage().props
  const [draft, setDraft] = useState<Filters>(filters)
  if (!workspace) return null
  const base = urlFor('audit.index', { workspaceSlug: workspace.slug })
  const format = new Intl.DateTimeFormat(locale, {
    dateStyle: 'short',
    timeStyle: 'medium',
    timeZone: workspace.timezone,
  })
  const query = (page: number) => {
    const params = new URLSearchParams({ ...filters, page: String(page) })
    for (const [key, value] of [...params]) if (!value) params.delete(key)
    return `${base}?${params}`
  }

  function apply(event: FormEvent) {
    event.preventDefault()
    const params = Object.fromEntries(Object.entries(draft).filter(([, value]) => value))
    router.get(base, params, { preserveState: true })
  }

  return (
    <div className="grid gap-6">
      <PageHeader title={t('audit.title')} description={t('audit.description')} />
      <form
        onSubmit={apply}
        className="grid gap-3 sm:grid-cols-5 sm:items-end"
        data-test="audit-filters"
      >
        {(['action', 'user'] as const).map((key) => (
          <div key={key} className="grid gap-1">
            <Label htmlFor={`audit-${key}`}>{t(`audit.filter.${key}`)}</Label>
            <Input
              id={`audit-${key}`}
              value={draft[key]}
              onChange={(event) => setDraft({ ...draft, [key]: event.target.value })}
              data-test={`audit-filter-${key}`}
            />
          </div>
        ))}
        {(['from', 'to'] as const).map((key) => (
          <div key={key} className="grid gap-1">
            <Label htmlFor={`audit-${key}`}>{t(`audit.filter.${key}`)}</Label>
            <Input
              id={`audit-${key}`}
              type="date"
              value={draft[key]}
              onChange={(event) => setDraft({ ...draft, [key]: event.target.value })}
            />
          </div>
        ))}
        <Button type="submit" data-test="audit-apply">
          {t('audit.apply')}
        </Button>
      </form>
      <Card>
        <CardContent>
          {events.length === 0 ? (
            <p className="text-sm text-muted-foreground">{t('audit.empty')}</p>
          ) : (
            <Table data-test="audit-events">
              <TableHeader>
                <TableRow>
                  <TableHead>{t('audit.when')}</TableHead>
                  <TableHead>{t('audit.who')}</TableHead>
                  <TableHead>{t('audit.action')}</TableHead>
                  <TableHead>{t('audit.ip')}</TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {events.map((event) => (
                  <TableRow key={event.id} data-test="audit-row">
                    <TableCell className="whitespace-nowrap">
                      {format.format(new Date(event.createdAt))}
                    </TableCell>
                    <TableCell>
                      {event.user ? (
                        <>
                          <span className="block font-medium">{event.user.name}</span>
                          <span className="block text-xs text-muted-foreground">
                            {event.user.email}
                          </span>
                        </>
                      ) : (
                        '—'
                      )}
                    </TableCell>
                    <TableCell>
                      <span className="block font-mono text-xs">{event.action}</span>
                      {event.path && (
                        <span className="block text-xs text-muted-foreground">
                          {event.method} {event.path}
                        </span>
                      )}
                    </TableCell>
                    <TableCell className="font-mono text-xs">{event.ip ?? '—'}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
        </CardContent>
      </Card>
      {meta.lastPage > 1 && (
        <nav className="flex items-center justify-between text-sm">
          <span className="text-muted-foreground">
            {t('audit.page', { page: meta.page, pages: meta.lastPage, total: meta.total })}
          </span>
          <span className="flex gap-2">
            {meta.page > 1 && <Link href={query(meta.page - 1)}>←</Link>}
            {meta.page < meta.lastPage && <Link href={query(meta.page + 1)}>→</Link>}
          </span>
        </nav>
      )}
    </div>
  )
}
