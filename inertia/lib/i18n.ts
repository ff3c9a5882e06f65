import { useCallback, useEffect } from 'react'
import { usePage } from '@inertiajs/react'
import type { Data } from '@generated/data'

type Locale = Data.SharedProps['locale']

/**
 * The same dictionaries the server uses: resources/lang/<locale>/<feature>.json, merged per
 * language. A missing English entry falls back to pt-BR, then to the key itself.
 */
export type TranslationKey = string
export type TranslationParams = Record<string, string | number>
export type Translate = (key: TranslationKey, params?: TranslationParams) => string

export const LOCALES: readonly Locale[] = ['pt-BR', 'en']
export const DEFAULT_LOCALE: Locale = 'pt-BR'

const files = import.meta.glob<Record<string, string>>('../../resources/lang/*/*.json', {
  eager: true,
  import: 'default',
})

function dictionaryOf(locale: Locale) {
  return Object.entries(files)
    .filter(([path]) => path.includes(`/lang/${locale}/`))
    .sort(([a], [b]) => a.localeCompare(b))
    .reduce<Record<string, string>>((all, [, entries]) => ({ ...all, ...entries }), {})
}

const dictionaries: Record<Locale, Record<string, string>> = {
  'pt-BR': dictionaryOf('pt-BR'),
  'en': dictionaryOf('en'),
}

/** Native name of each language, shown in the switcher whatever the current language is. */
export const LOCALE_NAMES: Record<Locale, string> = {
  'pt-BR': 'Português (Brasil)',
  'en': 'English',
}

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value)
}

/** Translates `key` in `locale`, replacing `{name}` placeholders with `params`. */
export function translate(locale: Locale, key: TranslationKey, params: TranslationParams = {}) {
  const template = dictionaries[locale][key] ?? dictionaries[DEFAULT_LOCALE][key] ?? key
  /** `{name}` and VineJS's `{{ name }}` (validation.* entries) are both placeholders. */
  return template.replace(
    /\{\{\s*(\w+)\s*\}\}|\{(\w+)\}/g,
    (match, vine: string | undefined, plain: string | undefined) => {
      const name = (vine ?? plain)!
      return name in params ? String(params[name]) : match
    }
  )
}

/** The locale shared by the server, pt-BR when absent. */
export function useLocale(): Locale {
  const { locale } = usePage().props
  return isLocale(locale) ? locale : DEFAULT_LOCALE
}

/** `t(key, params)` bound to the page's locale. */
export function useT(): Translate {
  const locale = useLocale()
  return useCallback<Translate>((key, params) => translate(locale, key, params), [locale])
}

/** Keeps `<html lang>` in step with the page's locale, for screen readers and hyphenation. */
export function useDocumentLang() {
  const locale = useLocale()
  useEffect(() => {
    document.documentElement.lang = locale
  }, [locale])
}
