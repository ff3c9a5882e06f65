import { Head } from '@inertiajs/react'
import { Link } from '@adonisjs/inertia/react'
import { useState } from 'react'
import { ArrowLeftIcon } from 'lucide-react'
import { Button } from '~/components/ui/button'
import { cn } from '~/lib/utils'
import { useLocale, useT } from '~/lib/i18n'
import { urlFor } from '~/lib/client'

type OutboxMessage = {
  id: string
  receivedAt: string
  from: string
  to: string[]
  subject: string
  text: string
  html: string
}

/**
 * One caught e-mail: headers, the HTML version in a sandboxed frame (served by /outbox/:id/html
 * with its own CSP: no scripts, links open in a new tab) and the text version.
 */
export default function OutboxShow({ message }: { message: OutboxMessage }) {
  const t = useT()
  const locale = useLocale()
  const [view, setView] = useState<'html' | 'text'>(message.html ? 'html' : 'text')

  return (
    <div className="min-h-svh bg-muted/40">
      <Head title={`${message.subject} · ${t('outbox.title')}`} />
      <main className="mx-auto grid max-w-4xl gap-4 px-4 py-10">
        <Link
          route="outbox.index"
          className="flex items-center gap-1 text-sm text-muted-foreground hover:text-foreground"
        >
          <ArrowLeftIcon className="size-4" />
          {t('outbox.back')}
        </Link>
        <div className="grid gap-1 rounded-xl border bg-card p-4 text-sm">
          <h1 data-test="page-title" className="text-lg font-semibold">
            {message.subject}
          </h1>
          <p>
            <span className="text-muted-foreground">{t('outbox.from')}:</span> {message.from}
          </p>
          <p data-test="outbox-to">
            <span className="text-muted-foreground">{t('outbox.to')}:</span> {message.to.join(', ')}
          </p>
          <p className="text-muted-foreground">
            {new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeStyle: 'medium' }).format(
              new Date(message.receivedAt)
            )}
          </p>
        </div>
        <div className="flex gap-2" role="tablist">
          {(['html', 'text'] as const).map((option) => (
            <Button
              key={option}
              role="tab"
              aria-selected={view === option}
              variant={view === option ? 'default' : 'outline'}
              size="sm"
              onClick={() => setView(option)}
              disabled={option === 'html' && !message.html}
            >
              {t(`outbox.${option}`)}
            </Button>
          ))}
        </div>
        {view === 'html' ? (
          <iframe
            title={message.subject}
            src={urlFor('outbox.html', { id: message.id })}
            sandbox="allow-popups allow-popups-to-escape-sandbox"
            className="h-[70vh] w-full rounded-xl border bg-white"
            data-test="outbox-html"
          />
        ) : (
          <pre
            className={cn(
              'overflow-auto rounded-xl border bg-card p-4 text-sm whitespace-pre-wrap',
              'font-mono'
            )}
            data-test="outbox-text"
          >
            {message.text}
          </pre>
        )}
      </main>
    </div>
  )
}
