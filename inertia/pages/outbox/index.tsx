import { Head, router } from '@inertiajs/react'
import { Link } from '@adonisjs/inertia/react'
import { InboxIcon, RefreshCwIcon } from 'lucide-react'
import { Button } from '~/components/ui/button'
import { useLocale, useT } from '~/lib/i18n'

export type OutboxSummary = {
  id: string
  receivedAt: string
  from: string
  to: string[]
  subject: string
}

/** Development "Caixa de saída": every e-mail the local SMTP catcher received, newest first. */
export default function OutboxIndex({
  messages,
  directory,
}: {
  messages: OutboxSummary[]
  directory: string
}) {
  const t = useT()
  const locale = useLocale()
  const format = new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeStyle: 'medium' })

  return (
    <div className="min-h-svh bg-muted/40">
      <Head title={t('outbox.title')} />
      <main className="mx-auto grid max-w-4xl gap-6 px-4 py-10">
        <div className="flex flex-wrap items-end justify-between gap-4">
          <div className="space-y-1">
            <h1 data-test="page-title" className="text-2xl font-semibold tracking-tight">
              {t('outbox.title')}
            </h1>
            <p className="max-w-2xl text-sm text-muted-foreground">{t('outbox.description')}</p>
            <p className="font-mono text-xs text-muted-foreground">{directory}</p>
          </div>
          <Button variant="outline" onClick={() => router.reload()} data-test="outbox-refresh">
            <RefreshCwIcon />
            {t('outbox.refresh')}
          </Button>
        </div>

        {messages.length === 0 ? (
          <div className="grid place-items-center gap-2 rounded-xl border bg-card p-12 text-center text-sm text-muted-foreground">
            <InboxIcon className="size-8" aria-hidden="true" />
            {t('outbox.empty')}
          </div>
        ) : (
          <ul
            className="divide-y overflow-hidden rounded-xl border bg-card"
            data-test="outbox-list"
          >
            {messages.map((message) => (
              <li key={message.id}>
                <Link
                  route="outbox.show"
                  routeParams={{ id: message.id }}
                  className="grid gap-1 px-4 py-3 hover:bg-muted/60 sm:grid-cols-[1fr_auto]"
                  data-test="outbox-message"
                >
                  <span className="min-w-0">
                    <span className="block truncate font-medium">{message.subject}</span>
                    <span className="block truncate text-sm text-muted-foreground">
                      {t('outbox.to')}: {message.to.join(', ')}
                    </span>
                  </span>
                  <time
                    className="text-xs text-muted-foreground sm:text-right"
                    dateTime={message.receivedAt}
                  >
                    {format.format(new Date(message.receivedAt))}
                  </time>
                </Link>
              </li>
            ))}
          </ul>
        )}
      </main>
    </div>
  )
}
