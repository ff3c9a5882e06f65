import { Input } from '~/components/ui/input'

const HEX = /^#[0-9a-fA-F]{6}$/

/** A colour as `#rrggbb`: the native picker and the hex code, kept in step. */
export function ColorInput({
  id,
  value,
  onChange,
  label,
  invalid,
  describedBy,
  disabled,
}: {
  id: string
  value: string
  onChange: (value: string) => void
  label: string
  invalid?: boolean
  describedBy?: string
  disabled?: boolean
}) {
  return (
    <div className="flex items-center gap-2">
      <input
        type="color"
        aria-label={label}
        value={HEX.test(value) ? value.toLowerCase() : '#000000'}
        onChange={(event) => onChange(event.target.value)}
        disabled={disabled}
        className="h-9 w-11 shrink-0 cursor-pointer rounded-md border border-input bg-transparent p-1 disabled:cursor-not-allowed disabled:opacity-50"
      />
      <Input
        id={id}
        value={value}
        onChange={(event) => onChange(event.target.value.trim())}
        maxLength={7}
        spellCheck={false}
        autoComplete="off"
        className="font-mono uppercase"
        aria-invalid={invalid ? true : undefined}
        aria-describedby={describedBy}
        disabled={disabled}
      />
    </div>
  )
}
