import type { ComponentProps } from 'react'
import { cn } from '~/lib/utils'

/** The validation message under a field; renders nothing without a message. */
function InputError({
  message,
  className,
  ...props
}: ComponentProps<'p'> & { message?: string | string[] | null }) {
  const text = Array.isArray(message) ? message[0] : message
  if (!text) return null
  return (
    <p
      data-slot="input-error"
      role="alert"
      className={cn('text-sm text-destructive', className)}
      {...props}
    >
      {text}
    </p>
  )
}

export { InputError }
