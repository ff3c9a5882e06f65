import { useCallback, useEffect } from 'react'
import { usePage } from '@inertiajs/react'
import ptBR from '@lang/pt-BR.json'
import en from '@lang/en.json'
import type { Locale } from '~/types'

/**
 * The same dictionaries the server uses (resources/lang). pt-BR is the reference: its key set
 * types `t()`, and a missing English entry falls back to it, then to the key itself.
 */
export type TranslationKey = keyof typeof ptBR
export type TranslationParams = Record<string, string | number>
export type Translate = (key: TranslationKey, params?: TranslationParams) => string

export const LOCALES: readonly Locale[] = ['pt-BR', 'en']
export const DEFAULT_LOCALE: Locale = 'pt-BR'

const dictionaries: Record<Locale, Record<string, string>> = { 'pt-BR': ptBR, en }

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
  return template.replace(/\{(\w+)\}/g, (match, name: string) =>
    name in params ? String(params[name]) : match
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
