import { readdirSync, readFileSync } from 'node:fs'
import { SimpleMessagesProvider } from '@vinejs/vine'

/**
 * One folder per language in resources/lang, one JSON file per feature (common.json,
 * funnels.json…), shared by the server (validation and flash messages) and the admin pages
 * (inertia/lib/i18n.ts globs the same files). pt-BR is the default.
 */
export const LOCALES = ['pt-BR', 'en'] as const
export type Locale = (typeof LOCALES)[number]
export const DEFAULT_LOCALE: Locale = 'pt-BR'

type Dictionary = Record<string, string>

/** Merges every feature file of a language into one flat dictionary. */
function loadDictionary(locale: string): Dictionary {
  const folder = new URL(`../../resources/lang/${locale}/`, import.meta.url)
  return readdirSync(folder)
    .filter((file) => file.endsWith('.json'))
    .sort()
    .reduce<Dictionary>(
      (all, file) => ({ ...all, ...JSON.parse(readFileSync(new URL(file, folder), 'utf8')) }),
      {}
    )
}

const dictionaries: Record<Locale, Dictionary> = {
  'pt-BR': loadDictionary('pt-BR'),
  'en': loadDictionary('en'),
}

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value)
}

/**
 * `{name}` and VineJS's `{{ name }}` (the `validation.*` entries, also read by t() for API and
 * database errors) are both placeholders: a `validation.*` message rendered here used to show
 * a raw `{{ field }}` ("Este {{ field }} já está em uso").
 */
export const PLACEHOLDER = /\{\{\s*(\w+)\s*\}\}|\{(\w+)\}/g

/** Translates `key`, replacing placeholders; falls back to pt-BR, then to the key. */
export function t(locale: Locale, key: string, params: Record<string, string | number> = {}) {
  const template = dictionaries[locale][key] ?? dictionaries[DEFAULT_LOCALE][key] ?? key
  return template.replace(PLACEHOLDER, (match, vine?: string, plain?: string) => {
    const name = (vine ?? plain)!
    return name in params ? String(params[name]) : match
  })
}

/** VineJS messages (`validation.<rule>`) and field labels (`fields.<name>`) for a locale. */
export function messagesProvider(locale: Locale) {
  return (providers[locale] ??= buildMessagesProvider(locale))
}

const providers: Partial<Record<Locale, SimpleMessagesProvider>> = {}

function buildMessagesProvider(locale: Locale) {
  const messages: Record<string, string> = {}
  const fields: Record<string, string> = {}
  for (const [key, value] of Object.entries({
    ...dictionaries[DEFAULT_LOCALE],
    ...dictionaries[locale],
  })) {
    if (key.startsWith('validation.')) messages[key.slice('validation.'.length)] = value
    if (key.startsWith('fields.')) fields[key.slice('fields.'.length)] = value
  }
  return new SimpleMessagesProvider(messages, fields)
}

/** Picks the best locale from an Accept-Language header. */
export function localeFromHeader(header: string | undefined): Locale {
  if (!header) return DEFAULT_LOCALE
  const wanted = header.split(',').map((part) => part.split(';')[0].trim().toLowerCase())
  for (const tag of wanted) {
    if (tag.startsWith('pt')) return 'pt-BR'
    if (tag.startsWith('en')) return 'en'
  }
  return DEFAULT_LOCALE
}
