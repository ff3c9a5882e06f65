import { Input } from '~/components/ui/input'
import { InputError } from '~/components/ui/input-error'
import { Label } from '~/components/ui/label'

const HEX = /^#[0-9a-fA-F]{6}$/

/**
 * A #RRGGBB colour: a text field (what is submitted and validated) beside a native colour
 * picker that writes into it. Both are controlled by the parent so the preview follows them.
 */
export function ColorField({
  id,
  name,
  label,
  value,
  onChange,
  placeholder,
  hint,
  error,
}: {
  id: string
  name: string
  label: string
  value: string
  onChange: (value: string) => void
  placeholder: string
  hint?: string
  error?: string
}) {
  return (
    <div className="grid gap-2">
      <Label htmlFor={id}>{label}</Label>
      <div className="flex items-center gap-2">
        <input
          type="color"
          aria-label={label}
          value={HEX.test(value) ? value.toLowerCase() : placeholder}
          onChange={(event) => onChange(event.target.value)}
          className="h-9 w-10 shrink-0 cursor-pointer rounded-md border bg-transparent p-1"
          tabIndex={-1}
        />
        <Input
          id={id}
          name={name}
          value={value}
          placeholder={placeholder}
          maxLength={7}
          onChange={(event) => onChange(event.target.value)}
          aria-invalid={!!error}
          aria-describedby={hint ? `${id}-hint` : undefined}
          className="font-mono"
          data-test={id}
        />
      </div>
      {hint && (
        <p id={`${id}-hint`} className="text-xs text-muted-foreground">
          {hint}
        </p>
      )}
      <InputError message={error} />
    </div>
  )
}

/** The colour if it is a valid #RRGGBB, else the fallback: what the preview draws. */
export function previewColor(value: string, fallback: string) {
  return HEX.test(value.trim()) ? value.trim() : fallback
}

/** An https image address the preview may show (what the server accepts). */
export function previewImage(value: string) {
  return /^https:\/\/[^\s"'<>]+$/i.test(value.trim()) ? value.trim() : null
}
