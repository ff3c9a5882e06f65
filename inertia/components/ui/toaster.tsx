import type { ComponentProps, CSSProperties } from 'react'
import { Toaster as Sonner } from 'sonner'

/** Sonner's toaster dressed in the design tokens. Call `toast()` from `sonner` to show one. */
function Toaster(props: ComponentProps<typeof Sonner>) {
  return (
    <Sonner
      theme="light"
      position="top-right"
      closeButton
      className="toaster group"
      style={
        {
          '--normal-bg': 'var(--popover)',
          '--normal-text': 'var(--popover-foreground)',
          '--normal-border': 'var(--border)',
          '--border-radius': 'var(--radius)',
        } as CSSProperties
      }
      toastOptions={{ classNames: { toast: 'font-sans shadow-lg' } }}
      {...props}
    />
  )
}

export { Toaster }
