import type { ComponentProps, ReactNode } from 'react'
import { Link } from '@adonisjs/inertia/react'
import { Button } from '~/components/ui/button'
import { Input } from '~/components/ui/input'
import { Label } from '~/components/ui/label'
import { Select } from '~/components/ui/select'
import { cn } from '~/lib/utils'

/**
 * The filter form above an admin list: a grid of fields, an apply button and, while a filter is
 * applied, a link that clears them. The page keeps the draft values and builds the URL itself;
 * `className` sets the grid's columns, other props (`data-test`) go to the `<form>`.
 */
export function FilterBar({
  onApply,
  applyLabel,
  clearLabel,
  clearHref,
  footer,
  className,
  children,
  ...props
}: Omit<ComponentProps<'form'>, 'onSubmit'> & {
  /** Called on submit (the browser's own submit is prevented). */
  onApply: () => void
  applyLabel: string
  clearLabel: string
  /** Where the clear link goes; `null` hides it (nothing is filtered). */
  clearHref: string | null
  /** After the buttons, e.g. a removable filter that only links set. */
  footer?: ReactNode
}) {
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault()
        onApply()
      }}
      className={cn('grid gap-3 rounded-xl border bg-card p-4', className)}
      {...props}
    >
      {children}
      <div className="flex gap-2">
        <Button type="submit" data-test="filter-apply">
          {applyLabel}
        </Button>
        {clearHref !== null && (
          <Button asChild variant="ghost">
            <Link href={clearHref}>{clearLabel}</Link>
          </Button>
        )}
      </div>
      {footer}
    </form>
  )
}

/** A labelled cell of the filter grid. */
function FilterField({ id, label, children }: { id: string; label: string; children: ReactNode }) {
  return (
    <div className="space-y-1.5">
      <Label htmlFor={id}>{label}</Label>
      {children}
    </div>
  )
}

/**
 * A select of the filter bar: its first option (`allLabel`, value "") means no filter, the
 * children are the other options; other props (`disabled`, `data-test`) go to the `<select>`.
 */
export function FilterSelect({
  id,
  label,
  allLabel,
  value,
  onValueChange,
  children,
  ...props
}: Omit<ComponentProps<'select'>, 'id' | 'value' | 'onChange'> & {
  id: string
  label: string
  allLabel: string
  value: string
  onValueChange: (value: string) => void
}) {
  return (
    <FilterField id={id} label={label}>
      <Select
        id={id}
        value={value}
        onChange={(event) => onValueChange(event.target.value)}
        {...props}
      >
        <option value="">{allLabel}</option>
        {children}
      </Select>
    </FilterField>
  )
}

/**
 * The period of the filter bar: two date fields (`filter-from`, `filter-to`; `YYYY-MM-DD`, ""
 * when empty), each a cell of the grid.
 */
export function FilterPeriod({
  fromLabel,
  toLabel,
  value,
  onValueChange,
}: {
  fromLabel: string
  toLabel: string
  value: { from: string; to: string }
  onValueChange: (period: { from: string; to: string }) => void
}) {
  const fields = [
    ['from', fromLabel],
    ['to', toLabel],
  ] as const
  return (
    <>
      {fields.map(([key, label]) => (
        <FilterField key={key} id={`filter-${key}`} label={label}>
          <Input
            id={`filter-${key}`}
            type="date"
            value={value[key]}
            onChange={(event) =>
              onValueChange({ from: value.from, to: value.to, [key]: event.target.value })
            }
          />
        </FilterField>
      ))}
    </>
  )
}
