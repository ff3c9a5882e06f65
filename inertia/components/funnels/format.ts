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

/** 9700 → "97,00" (the field shows reais; the server stores integer cents). */
export function centsToInput(cents: unknown) {
  if (typeof cents !== 'number' || !Number.isFinite(cents)) return ''
  return (cents / 100).toFixed(2).replace('.', ',')
}

/**
 * "97", "97,00", "1.297,90" or "97.5" → cents; null when it is not an amount. A lone dot
 * followed by one or two digits is read as the decimal separator.
 */
export function inputToCents(value: string): number | null {
  let text = value
    .trim()
    .replace(/^R\$\s*/i, '')
    .replace(/\s/g, '')
  if (text === '') return null
  if (text.includes(',')) {
    text = text.replace(/\./g, '').replace(',', '.')
  } else if (!/^\d+\.\d{1,2}$/.test(text)) {
    text = text.replace(/\./g, '')
  }
  if (!/^\d+(\.\d{1,2})?$/.test(text)) return null
  return Math.round(Number(text) * 100)
}
