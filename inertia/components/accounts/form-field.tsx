import type { ComponentProps, ReactNode } from 'react'
import { Input } from '~/components/ui/input'
import { InputError } from '~/components/ui/input-error'
import { Label } from '~/components/ui/label'

/** Label, input, hint and error of one account form field, wired for screen readers. */
export function FormField({
  id,
  label,
  error,
  hint,
  testId,
  ...input
}: {
  id: string
  label: ReactNode
  error?: string
  hint?: ReactNode
  testId?: string
} & ComponentProps<typeof Input>) {
  const describedBy = [error && `${id}-error`, hint && `${id}-hint`].filter(Boolean).join(' ')
  return (
    <div className="grid gap-2">
      <Label htmlFor={id}>{label}</Label>
      <Input
        id={id}
        data-test={testId}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy || undefined}
        {...input}
      />
      {hint && !error && (
        <p id={`${id}-hint`} className="text-xs text-muted-foreground">
          {hint}
        </p>
      )}
      <InputError
        id={`${id}-error`}
        message={error}
        data-test={testId ? `${testId}-error` : undefined}
      />
    </div>
  )
}
