import type { ComponentProps } from 'react'
import { cn } from '~/lib/utils'

/** The brand mark: a funnel in a rounded square. */
export function AppLogoIcon({ className, ...props }: ComponentProps<'span'>) {
  return (
    <span
      data-slot="app-logo-icon"
      className={cn(
        'flex size-8 shrink-0 items-center justify-center rounded-lg bg-primary text-primary-foreground shadow-xs',
        className
      )}
      {...props}
    >
      <svg viewBox="0 0 24 24" fill="none" aria-hidden="true" className="size-[60%]">
        <path d="M3 5h18l-7 8.2V19l-4 2v-7.8L3 5Z" fill="currentColor" />
      </svg>
    </span>
  )
}

/** Mark and wordmark side by side. */
export function AppLogo({ className, ...props }: ComponentProps<'span'>) {
  return (
    <span className={cn('flex items-center gap-2', className)} {...props}>
      <AppLogoIcon />
      <span className="text-base font-semibold tracking-tight">Funil Digital</span>
    </span>
  )
}
