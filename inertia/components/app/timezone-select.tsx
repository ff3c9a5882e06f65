import { useMemo, useState, type ComponentProps } from 'react'
import { SearchIcon } from 'lucide-react'
import { Input } from '~/components/ui/input'
import { Select } from '~/components/ui/select'
import { useT } from '~/lib/i18n'

export const DEFAULT_TIMEZONE = 'America/Sao_Paulo'

/** Brazil's zones, most used first, with the city people know them by. */
export const BRAZIL_ZONES: ReadonlyArray<[zone: string, city: string]> = [
  ['America/Sao_Paulo', 'Brasília / São Paulo'],
  ['America/Bahia', 'Salvador'],
  ['America/Fortaleza', 'Fortaleza'],
  ['America/Recife', 'Recife'],
  ['America/Belem', 'Belém'],
  ['America/Manaus', 'Manaus'],
  ['America/Cuiaba', 'Cuiabá'],
  ['America/Campo_Grande', 'Campo Grande'],
  ['America/Maceio', 'Maceió'],
  ['America/Araguaina', 'Araguaína'],
  ['America/Santarem', 'Santarém'],
  ['America/Porto_Velho', 'Porto Velho'],
  ['America/Boa_Vista', 'Boa Vista'],
  ['America/Rio_Branco', 'Rio Branco'],
  ['America/Eirunepe', 'Eirunepé'],
  ['America/Noronha', 'Fernando de Noronha'],
]

/** "UTC−3" for a zone now (the offset shown next to each option). */
function offsetOf(zone: string) {
  try {
    const part = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'shortOffset' })
      .formatToParts(new Date())
      .find((p) => p.type === 'timeZoneName')?.value
    return (part ?? '').replace('GMT', 'UTC').replace('-', '−') || 'UTC'
  } catch {
    return ''
  }
}

const fold = (text: string) =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()

/**
 * Time zone picker: a search box over a native select (forms, keyboard and phone pickers for
 * free) whose Brazilian zones come first under their city names, then every other zone.
 * Typing picks the first match; the current value is always an option, so an unusual zone
 * is never lost on save. Uses the server's list when the page has one, else the browser's.
 */
export function TimezoneSelect({
  timezones,
  value,
  defaultValue,
  onChange,
  ...props
}: Omit<ComponentProps<typeof Select>, 'children'> & { timezones?: string[] }) {
  const t = useT()
  const [current, setCurrent] = useState(String(value ?? defaultValue ?? DEFAULT_TIMEZONE))
  const [search, setSearch] = useState('')
  const options = useMemo(() => {
    const list = timezones?.length ? timezones : Intl.supportedValuesOf('timeZone')
    const brazil = BRAZIL_ZONES.filter(([zone]) => zone === current || list.includes(zone))
    const inBrazil = new Set(brazil.map(([zone]) => zone))
    const others = (list.includes(current) || inBrazil.has(current) ? list : [current, ...list])
      .filter((zone) => !inBrazil.has(zone))
      .map((zone) => [zone, zone.replaceAll('_', ' ')] as [string, string])
    const label = ([zone, name]: [string, string]) =>
      [zone, `${name} (${offsetOf(zone)})`] as [string, string]
    return { brazil: brazil.map(label), others: others.map(label) }
  }, [timezones, current])

  const needle = fold(search.trim())
  const matches = (entry: [string, string]) =>
    !needle || fold(`${entry[1]} ${entry[0]}`).includes(needle)
  const keep = (entry: [string, string]) => entry[0] === current || matches(entry)
  const brazil = options.brazil.filter(keep)
  const others = options.others.filter(keep)

  function find(text: string) {
    setSearch(text)
    const wanted = fold(text.trim())
    if (!wanted) return
    const first = [...options.brazil, ...options.others].find((entry) =>
      fold(`${entry[1]} ${entry[0]}`).includes(wanted)
    )
    if (first) setCurrent(first[0])
  }

  const testId = (props as Record<string, unknown>)['data-test']
  return (
    <div className="grid gap-2">
      <div className="relative">
        <SearchIcon
          aria-hidden="true"
          className="pointer-events-none absolute top-1/2 left-3 size-4 -translate-y-1/2 text-muted-foreground"
        />
        <Input
          type="search"
          value={search}
          onChange={(event) => find(event.target.value)}
          placeholder={t('workspaces.timezone_search')}
          aria-label={t('workspaces.timezone_search')}
          className="pl-9"
          data-test={testId ? `${testId}-search` : undefined}
        />
      </div>
      <Select
        value={current}
        onChange={(event) => {
          setCurrent(event.target.value)
          onChange?.(event)
        }}
        {...props}
      >
        {brazil.length > 0 && (
          <optgroup label={t('workspaces.timezone_brazil')}>
            {brazil.map(([zone, name]) => (
              <option key={zone} value={zone}>
                {name}
              </option>
            ))}
          </optgroup>
        )}
        {others.length > 0 && (
          <optgroup label={t('workspaces.timezone_others')}>
            {others.map(([zone, name]) => (
              <option key={zone} value={zone}>
                {name}
              </option>
            ))}
          </optgroup>
        )}
      </Select>
    </div>
  )
}
