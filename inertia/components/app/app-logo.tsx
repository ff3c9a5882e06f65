import type { ComponentProps } from 'react'
import { cn } from '~/lib/utils'
import { useBrand } from '~/lib/brand'

/**
 * The brand mark: an agency's logo (white-label), else the product's funnel in a rounded
 * square. The logo is an https URL or a same-origin path; React escapes the attribute.
 */
export function AppLogoIcon({ className, ...props }: ComponentProps<'span'>) {
  const brand = useBrand()
  if (brand.whiteLabel) {
    return (
      <span
        data-slot="app-logo-icon"
        className={cn('flex size-8 shrink-0 items-center justify-center', className)}
        {...props}
      >
        <img
          src={brand.logoUrl}
          alt=""
          data-test="brand-logo"
          className="max-h-full max-w-full rounded-md object-contain"
        />
      </span>
    )
  }
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

/** Mark and wordmark side by side: the agency's product name, or the product's own. */
export function AppLogo({ className, ...props }: ComponentProps<'span'>) {
  const brand = useBrand()
  return (
    <span className={cn('flex items-center gap-2', className)} {...props}>
      <AppLogoIcon />
      <span data-test="brand-name" className="text-base font-semibold tracking-tight">
        {brand.productName}
      </span>
    </span>
  )
}
