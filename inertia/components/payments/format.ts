import { useMemo } from 'react'
import { usePage } from '@inertiajs/react'
import { useLocale } from '~/lib/i18n'

/** Date and time in the workspace's time zone and the user's language. */
export function usePaymentDateFormat() {
  const locale = useLocale()
  const { workspace } = usePage().props
  return useMemo(() => {
    const format = new Intl.DateTimeFormat(locale, {
      dateStyle: 'short',
      timeStyle: 'medium',
      timeZone: workspace?.timezone ?? 'America/Sao_Paulo',
    })
    return (iso: string | null) => (iso ? format.format(new Date(iso)) : '—')
  }, [locale, workspace?.timezone])
}
