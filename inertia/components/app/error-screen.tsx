import type { ComponentType } from 'react'
import { Head } from '@inertiajs/react'
import { ArrowLeftIcon } from 'lucide-react'
import { AppLogo } from '~/components/app/app-logo'
import { Button } from '~/components/ui/button'
import { useDocumentLang, useT } from '~/lib/i18n'
import { urlFor } from '~/lib/client'

/** Full-page error: status code, message and a way back. Used without a layout. */
export function ErrorScreen({
  code,
  icon: Icon,
  title,
  text,
  action,
}: {
  code: number
  icon: ComponentType<{ className?: string }>
  title: string
  text: string
  /** The way forward when there is a better one than home (e.g. sign in again). */
  action?: { href: string; label: string }
}) {
  const t = useT()
  useDocumentLang()

  return (
    <div className="flex min-h-svh flex-col bg-muted/40">
      <Head title={title} />
      <header className="px-4 py-4 sm:px-6">
        <a
          href={urlFor('home')}
          className="inline-flex rounded-md outline-none focus-visible:ring-[3px] focus-visible:ring-ring/50"
        >
          <AppLogo />
        </a>
      </header>
      <main className="flex flex-1 items-center justify-center px-4 pb-24">
        <div className="flex max-w-md flex-col items-center gap-4 text-center">
          <span className="flex size-14 items-center justify-center rounded-full bg-accent text-accent-foreground">
            <Icon className="size-7" />
          </span>
          <p className="font-mono text-sm font-medium text-muted-foreground">{code}</p>
          <h1 data-test="page-title" className="text-2xl font-semibold tracking-tight">
            {title}
          </h1>
          <p className="text-muted-foreground">{text}</p>
          <Button asChild variant={action ? 'default' : 'outline'} className="mt-2">
            <a href={action?.href ?? '/'} data-test="error-action">
              {!action && <ArrowLeftIcon />}
              {action?.label ?? t('common.back_home')}
            </a>
          </Button>
        </div>
      </main>
    </div>
  )
}
