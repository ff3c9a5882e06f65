import { useState } from 'react'
import { Label } from '~/components/ui/label'

/**
 * A checkbox that always submits `true` or `false` (an unchecked box submits nothing, and an
 * update keeps whatever is not sent).
 */
export function ActiveToggle({
  id,
  name = 'isActive',
  defaultChecked,
  label,
  help,
  test,
}: {
  id: string
  name?: string
  defaultChecked: boolean
  label: string
  help?: string
  test?: string
}) {
  const [checked, setChecked] = useState(defaultChecked)
  return (
    <div className="flex items-start gap-3">
      <input type="hidden" name={name} value={checked ? 'true' : 'false'} />
      <input
        id={id}
        type="checkbox"
        checked={checked}
        onChange={(event) => setChecked(event.target.checked)}
        className="mt-0.5 size-4 shrink-0 accent-primary"
        aria-describedby={help ? `${id}-help` : undefined}
        data-test={test}
      />
      <div className="grid gap-1">
        <Label htmlFor={id}>{label}</Label>
        {help && (
          <p id={`${id}-help`} className="text-sm text-muted-foreground">
            {help}
          </p>
        )}
      </div>
    </div>
  )
}
