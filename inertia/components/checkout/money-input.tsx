import type { ComponentProps } from 'react'
import { Input } from '~/components/ui/input'
import { centsFromTyping, formatCents } from '~/lib/money'
import { cn } from '~/lib/utils'

/**
 * A price typed in reais with the Brazilian mask (`1.234,56`), held as integer cents: digits
 * fill from the right, as in payment apps, so there is never a decimal to round.
 */
export function MoneyInput({
  cents,
  onCents,
  className,
  ...props
}: Omit<ComponentProps<'input'>, 'value' | 'onChange' | 'type'> & {
  cents: number
  onCents: (cents: number) => void
}) {
  return (
    <div className="relative">
      <span
        aria-hidden="true"
        className="pointer-events-none absolute inset-y-0 left-3 flex items-center text-sm text-muted-foreground"
      >
        R$
      </span>
      <Input
        {...props}
        type="text"
        inputMode="numeric"
        autoComplete="off"
        className={cn('pl-10 tabular-nums', className)}
        value={formatCents(cents)}
        onChange={(event) => onCents(centsFromTyping(event.target.value))}
      />
    </div>
  )
}
