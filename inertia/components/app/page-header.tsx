import type { ReactNode } from 'react'
import { Head } from '@inertiajs/react'
import { cn } from '~/lib/utils'

/** The top of every page: document title, the h1 browser tests look for, and page actions. */
export function PageHeader({
  title,
  description,
  actions,
  className,
}: {
  title: string
  description?: ReactNode
  actions?: ReactNode
  className?: string
}) {
  return (
    <div
      className={cn('flex flex-col gap-4 sm:flex-row sm:items-end sm:justify-between', className)}
    >
      <Head title={title} />
      <div className="min-w-0 space-y-1">
        <h1 data-test="page-title" className="text-2xl font-semibold tracking-tight">
          {title}
        </h1>
        {description && <p className="text-sm text-muted-foreground">{description}</p>}
      </div>
      {actions && <div className="flex shrink-0 items-center gap-2">{actions}</div>}
    </div>
  )
}
