import type { ReactNode } from 'react'
import { PlusIcon, Trash2Icon } from 'lucide-react'
import { Button } from '~/components/ui/button'
import { InputError } from '~/components/ui/input-error'
import { useT, type TranslationKey } from '~/lib/i18n'

/** What `renderRow` gets: the row, its position, its ids and a way to change it. */
export type RowProps<Row> = {
  row: Row
  index: number
  /** `<name>-<index>-<field>`: the id of one of the row's controls. */
  id: (field: string) => string
  update: (patch: Partial<Row>) => void
}

/**
 * A list of rows the user adds and removes, up to `max` (testimonials, order bumps): each row
 * is a titled group with a remove button, followed by the list's error, the add button and the
 * limit. Ids and `data-test` hooks all start with `name`: `bump-0`, `bump-remove-0`, `bump-add`.
 * Read-only (`disabled`) hides the buttons.
 */
export function RowListEditor<Row extends object>({
  name,
  rows,
  onChange,
  newRow,
  max,
  disabled,
  error,
  messages,
  renderRow,
}: {
  name: string
  rows: Row[]
  onChange: (rows: Row[]) => void
  newRow: () => Row
  max: number
  disabled: boolean
  error?: string
  /** Keys of the texts: `row` and `remove` get `{n}`, `limit` gets `{max}`; `empty` is optional. */
  messages: {
    row: TranslationKey
    remove: TranslationKey
    add: TranslationKey
    limit: TranslationKey
    empty?: TranslationKey
  }
  renderRow: (props: RowProps<Row>) => ReactNode
}) {
  const t = useT()
  const update = (index: number, patch: Partial<Row>) =>
    onChange(rows.map((row, i) => (i === index ? { ...row, ...patch } : row)))

  return (
    <div className="flex flex-col gap-4">
      {messages.empty && rows.length === 0 && (
        <p className="rounded-lg border border-dashed px-4 py-6 text-center text-sm text-muted-foreground">
          {t(messages.empty)}
        </p>
      )}

      {rows.map((row, index) => {
        const id = (field: string) => `${name}-${index}-${field}`
        return (
          <div
            key={index}
            role="group"
            aria-labelledby={id('title')}
            className="grid gap-4 rounded-lg border bg-muted/30 p-4"
            data-test={`${name}-${index}`}
          >
            <div className="flex items-center justify-between gap-2">
              <h3 id={id('title')} className="text-sm font-semibold">
                {t(messages.row, { n: index + 1 })}
              </h3>
              {!disabled && (
                <Button
                  variant="ghost"
                  size="icon-sm"
                  className="text-muted-foreground hover:text-destructive"
                  onClick={() => onChange(rows.filter((_, i) => i !== index))}
                  aria-label={t(messages.remove, { n: index + 1 })}
                  title={t(messages.remove, { n: index + 1 })}
                  data-test={`${name}-remove-${index}`}
                >
                  <Trash2Icon />
                </Button>
              )}
            </div>
            {renderRow({ row, index, id, update: (patch) => update(index, patch) })}
          </div>
        )
      })}

      <InputError message={error} />
      {!disabled && (
        <div className="flex flex-wrap items-center justify-between gap-2">
          <Button
            variant="outline"
            size="sm"
            onClick={() => onChange([...rows, newRow()])}
            disabled={rows.length >= max}
            data-test={`${name}-add`}
          >
            <PlusIcon />
            {t(messages.add)}
          </Button>
          <span className="text-xs text-muted-foreground">{t(messages.limit, { max })}</span>
        </div>
      )}
    </div>
  )
}
