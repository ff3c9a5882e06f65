import { useMemo, type ComponentProps } from 'react'
import { Select } from '~/components/ui/select'

export const DEFAULT_TIMEZONE = 'America/Sao_Paulo'

/**
 * Time zone picker. Uses the server's list when the page has one, else the browser's IANA
 * list; the current value is always an option, so an unusual zone is never lost on save.
 */
export function TimezoneSelect({
  timezones,
  value,
  defaultValue,
  ...props
}: Omit<ComponentProps<typeof Select>, 'children'> & { timezones?: string[] }) {
  const selected = String(value ?? defaultValue ?? DEFAULT_TIMEZONE)
  const options = useMemo(() => {
    const list = timezones?.length ? timezones : Intl.supportedValuesOf('timeZone')
    return list.includes(selected) ? list : [selected, ...list]
  }, [timezones, selected])

  return (
    <Select value={value} defaultValue={value === undefined ? selected : undefined} {...props}>
      {options.map((zone) => (
        <option key={zone} value={zone}>
          {zone.replaceAll('_', ' ')}
        </option>
      ))}
    </Select>
  )
}
