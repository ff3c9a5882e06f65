import { useCallback } from 'react'
import { router } from '@inertiajs/react'
import { LanguagesIcon } from 'lucide-react'
import { Button } from '~/components/ui/button'
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuLabel,
  DropdownMenuRadioGroup,
  DropdownMenuRadioItem,
  DropdownMenuTrigger,
} from '~/components/ui/dropdown-menu'
import { isLocale, LOCALE_NAMES, LOCALES, useLocale, useT } from '~/lib/i18n'
import type { Data } from '@generated/data'
import { urlFor } from '~/lib/client'

type Locale = Data.SharedProps['locale']

/**
 * Stores the chosen language (the server sets the cookie and redirects back), so the page
 * comes back translated with the scroll position kept.
 */
export function useSwitchLocale() {
  const current = useLocale()
  return useCallback(
    (locale: Locale) => {
      if (locale === current) return
      router.post(urlFor('locale.update'), { locale }, { preserveScroll: true })
    },
    [current]
  )
}

/** The language choices as radio items, for use inside another dropdown (the user menu). */
export function LanguageRadioItems() {
  const locale = useLocale()
  const switchLocale = useSwitchLocale()
  return (
    <DropdownMenuRadioGroup
      value={locale}
      onValueChange={(value) => isLocale(value) && switchLocale(value)}
    >
      {LOCALES.map((option) => (
        <DropdownMenuRadioItem
          key={option}
          value={option}
          lang={option}
          data-test={`locale-${option}`}
        >
          {LOCALE_NAMES[option]}
        </DropdownMenuRadioItem>
      ))}
    </DropdownMenuRadioGroup>
  )
}

/** A standalone language menu button, for pages without the user menu (login). */
export function LanguageSwitcher() {
  const t = useT()
  const locale = useLocale()
  return (
    <DropdownMenu>
      <DropdownMenuTrigger asChild>
        <Button variant="ghost" size="sm" data-test="language-switcher">
          <LanguagesIcon />
          <span>{LOCALE_NAMES[locale]}</span>
          <span className="sr-only">{t('nav.language')}</span>
        </Button>
      </DropdownMenuTrigger>
      <DropdownMenuContent align="end" className="w-48">
        <DropdownMenuLabel className="text-xs text-muted-foreground">
          {t('nav.language')}
        </DropdownMenuLabel>
        <LanguageRadioItems />
      </DropdownMenuContent>
    </DropdownMenu>
  )
}
