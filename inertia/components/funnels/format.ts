import { useMemo } from 'react'
import { usePage } from '@inertiajs/react'
import { useLocale } from '~/lib/i18n'

/** Formats ISO dates in the page's language and the workspace's time zone ("29/11/2026 08:30"). */
export function useDateTimeFormat() {
  const locale = useLocale()
  const { workspace } = usePage().props
  return useMemo(() => {
    const format = new Intl.DateTimeFormat(locale, {
      dateStyle: 'short',
      timeStyle: 'short',
      timeZone: workspace?.timezone ?? 'America/Sao_Paulo',
    })
    return (iso: string) => format.format(new Date(iso))
  }, [locale, workspace?.timezone])
}
