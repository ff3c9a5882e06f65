import { fieldError } from '#actions/accounts/field_error'
import { t, type Locale } from '#services/i18n'

/**
 * A data subject of an LGPD request (issue 16): the person behind an e-mail, a CPF and/or a
 * phone, normalised the way the app stores them (e-mail lower-cased, CPF and phone as digits,
 * the phone without Brazil's 55), and the means to remove them from free-form data (gateway
 * answers, webhook bodies, postback payloads) where they sit inside text or JSON.
 */
export interface DataSubject {
  email: string | null
  cpf: string | null
  phone: string | null
}

const digits = (value: string) => value.replace(/\D/g, '')

/**
 * The identifiers as the app stores them. None at all is a 422 on the e-mail field: an empty
 * subject would match nobody, and a careless query everybody.
 */
export function normalizeSubject(
  input: { email?: string | null; cpf?: string | null; phone?: string | null },
  locale: Locale = 'pt-BR'
): DataSubject {
  const email = input.email?.trim().toLowerCase() || null
  const cpf = input.cpf ? digits(input.cpf) || null : null
  const phone = input.phone ? digits(input.phone).replace(/^55(?=\d{10,11}$)/, '') || null : null
  if (!email && !cpf && !phone) {
    throw fieldError('email', 'required', t(locale, 'lgpd.identifier_required'))
  }
  return { email, cpf, phone }
}

/** The phone as stored anywhere: bare digits or with the country code. */
export function phoneVariants(phone: string) {
  return [phone, `55${phone}`]
}

/**
 * A CPF bare or formatted (`529.982.247-25`), as a regular expression source that JavaScript
 * and PostgreSQL (`~`) read alike.
 */
export function cpfRegex(cpf: string) {
  return `${cpf.slice(0, 3)}\\.?${cpf.slice(3, 6)}\\.?${cpf.slice(6, 9)}[-.]?${cpf.slice(9)}`
}

/** A phone with any punctuation between digits and an optional +55 (JS and PostgreSQL alike). */
export function phoneRegex(phone: string) {
  const between = '[\\s().+-]{0,3}'
  return `(\\+?55${between})?${[...phone].join(between)}`
}

const escape = (value: string) => value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/** What replaces personal data in records that are kept. */
export const REMOVED = '[removido LGPD]'

/**
 * Patterns of the subject's identifiers as they appear inside text: the e-mail in any case and
 * URL-encoded (`maria%40exemplo.com`), the CPF bare or formatted, the phone with any
 * punctuation and an optional +55, and the names found on the subject's records.
 */
export function subjectPatterns(subject: DataSubject, names: string[] = []) {
  const patterns: RegExp[] = []
  if (subject.email) {
    patterns.push(new RegExp(escape(subject.email), 'gi'))
    patterns.push(new RegExp(escape(encodeURIComponent(subject.email)), 'gi'))
  }
  if (subject.cpf) patterns.push(new RegExp(cpfRegex(subject.cpf), 'g'))
  if (subject.phone) patterns.push(new RegExp(phoneRegex(subject.phone), 'g'))
  for (const name of new Set(names.map((n) => n.trim()).filter((n) => n.length >= 5))) {
    patterns.push(new RegExp(escape(name), 'gi'))
  }
  return patterns
}

/** Keys that always hold personal data, whatever object they are in. */
const PERSONAL_KEYS = new Set([
  'email',
  'e_mail',
  'mail',
  'phone',
  'telefone',
  'celular',
  'whatsapp',
  'mobile',
  'cpf',
  'document',
  'documento',
  'document_number',
  'documentnumber',
  'tax_id',
  'ip',
  'ip_address',
  'ipaddress',
  'client_ip',
  'client_ip_address',
  'user_agent',
  'useragent',
  'client_user_agent',
  'em',
  'ph',
  'fn',
  'ln',
  'ge',
  'db',
  'ct',
  'st',
  'zp',
  'external_id',
  'address',
  'street',
  'zipcode',
  'zip',
  'cep',
  'birthdate',
  'birth_date',
])

/** Keys that hold a person's name when the object they are in describes a person. */
const NAME_KEYS = new Set(['name', 'nome', 'full_name', 'fullname', 'first_name', 'last_name'])

const isPerson = (object: Record<string, unknown>) =>
  Object.keys(object).some((key) => PERSONAL_KEYS.has(key.toLowerCase()))

/** Replaces every identifier found in a string. */
export function scrubText(value: string, patterns: RegExp[]) {
  return patterns.reduce((text, pattern) => text.replace(pattern, REMOVED), value)
}

/**
 * A JSON value with the subject's data replaced: values under personal keys, names of objects
 * that describe a person (they carry an e-mail, a phone, a document…), and any string holding
 * one of the identifiers. Structure and everything else (amounts, statuses, ids) stay.
 */
export function scrubJson(value: unknown, patterns: RegExp[]): unknown {
  if (typeof value === 'string') return scrubText(value, patterns)
  if (Array.isArray(value)) return value.map((item) => scrubJson(item, patterns))
  if (value && typeof value === 'object') {
    const object = value as Record<string, unknown>
    const person = isPerson(object)
    const out: Record<string, unknown> = {}
    for (const [key, item] of Object.entries(object)) {
      const lower = key.toLowerCase()
      if (
        (PERSONAL_KEYS.has(lower) || (person && NAME_KEYS.has(lower))) &&
        item !== null &&
        typeof item !== 'object'
      ) {
        out[key] = REMOVED
      } else {
        out[key] = scrubJson(item, patterns)
      }
    }
    return out
  }
  return value
}

/** A text column that may hold JSON (a webhook's raw body): scrubbed as JSON when it parses. */
export function scrubMaybeJson(value: string | null, patterns: RegExp[]) {
  if (value === null) return null
  try {
    const parsed = JSON.parse(value)
    if (parsed && typeof parsed === 'object') return JSON.stringify(scrubJson(parsed, patterns))
  } catch {
    /** Not JSON (a form body, an HTML error page): text replacement only. */
  }
  return scrubText(value, patterns)
}
