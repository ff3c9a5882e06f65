import type { ReactNode } from 'react'
import { InputError } from '~/components/ui/input-error'
import { Label } from '~/components/ui/label'
import { cn } from '~/lib/utils'

/** A label, its control, a help line and the field's error, wired for screen readers. */
export function Field({
  id,
  label,
  help,
  error,
  className,
  children,
}: {
  id: string
  label: ReactNode
  help?: ReactNode
  error?: string
  className?: string
  children: ReactNode
}) {
  return (
    <div className={cn('grid gap-2', className)}>
      <Label htmlFor={id}>{label}</Label>
      {children}
      {help && !error && (
        <p id={`${id}-help`} className="text-xs text-muted-foreground">
          {help}
        </p>
      )}
      <InputError id={`${id}-error`} message={error} />
    </div>
  )
}

/** `aria-*` attributes tying a control to its help line or error. */
export function describedBy(id: string, error?: string, help?: boolean) {
  return {
    'aria-invalid': error ? true : undefined,
    'aria-describedby': error ? `${id}-error` : help ? `${id}-help` : undefined,
  } as const
}
