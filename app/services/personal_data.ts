import type { Role } from '#enums/roles'

/**
 * How the admin shows a buyer's or lead's personal data: CPF as 123.456.789-09 and Brazilian
 * phones as (11) 98765-4321. Only owners and admins see the whole CPF; editors and viewers get
 * `***.456.789-**` (the middle digits are enough to tell two buyers apart on a call), masked
 * on the server so the full number never reaches their browser.
 */
export function seesFullCpf(role: Role | undefined) {
  return role === 'owner' || role === 'admin'
}

const digitsOf = (value: unknown) => (typeof value === 'string' ? value.replace(/\D/g, '') : '')

export function formatCpf(value: unknown, full: boolean): string | null {
  if (value === null || value === undefined || value === '') return null
  const d = digitsOf(value)
  if (d.length !== 11) return full ? String(value) : '***'
  return full
    ? `${d.slice(0, 3)}.${d.slice(3, 6)}.${d.slice(6, 9)}-${d.slice(9)}`
    : `***.${d.slice(3, 6)}.${d.slice(6, 9)}-**`
}

export function formatPhone(value: unknown): string | null {
  if (value === null || value === undefined || value === '') return null
  let d = digitsOf(value)
  if ((d.length === 12 || d.length === 13) && d.startsWith('55')) d = d.slice(2)
  if (d.length === 11) return `(${d.slice(0, 2)}) ${d.slice(2, 7)}-${d.slice(7)}`
  if (d.length === 10) return `(${d.slice(0, 2)}) ${d.slice(2, 6)}-${d.slice(6)}`
  return String(value)
}

/** A lead's or customer's fields, phone and CPF formatted (CPF masked below admin). */
export function presentPersonalData<T extends Record<string, unknown>>(data: T, role?: Role): T {
  const out: Record<string, unknown> = { ...data }
  for (const key of Object.keys(out)) {
    const name = key.toLowerCase()
    if (name === 'cpf' || name === 'document') out[key] = formatCpf(out[key], seesFullCpf(role))
    else if (name === 'phone' || name === 'telefone' || name === 'whatsapp') {
      out[key] = formatPhone(out[key])
    }
  }
  return out as T
}

/**
 * Raw documents shown to editors and viewers (the gateway's answer, webhook bodies) with the
 * given CPF masked wherever it appears, bare or formatted, so the mask is not undone one
 * panel further down the same page.
 */
export function scrubCpf<T>(value: T, cpf: unknown): T {
  const d = digitsOf(cpf)
  if (d.length !== 11 || value === null || value === undefined) return value
  const masked = `***.${d.slice(3, 6)}.${d.slice(6, 9)}-**`
  const pattern = new RegExp(
    `${d.slice(0, 3)}\\.?${d.slice(3, 6)}\\.?${d.slice(6, 9)}-?${d.slice(9)}`,
    'g'
  )
  if (typeof value === 'string') return value.replace(pattern, masked) as T
  return JSON.parse(JSON.stringify(value).replace(pattern, masked)) as T
}
