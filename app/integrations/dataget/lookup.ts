import DatagetClient from '#integrations/dataget/client'
import { classifyFailure } from '#services/outbound_http'

/** A person as the CPF provider describes them, normalised (docs/integrations/dataget.md). */
export interface CpfPerson {
  name: string | null
  birthDate: string | null
  status: string | null
}

export type CpfLookupResult =
  | { outcome: 'found'; person: CpfPerson }
  | { outcome: 'not_found' | 'error' | 'timeout'; person: null }

const first = (record: Record<string, any>, keys: string[]) => {
  for (const key of keys) {
    const value = record?.[key]
    if (typeof value === 'string' && value.trim()) return value.trim()
  }
  return null
}

/** DDMMAAAA, DD/MM/AAAA or ISO → YYYY-MM-DD; anything else null. */
export function isoBirthDate(value: string | null) {
  if (!value) return null
  const digits = /^(\d{2})\/?(\d{2})\/?(\d{4})$/.exec(value)
  if (digits) return `${digits[3]}-${digits[2]}-${digits[1]}`
  const iso = /^(\d{4})-(\d{2})-(\d{2})/.exec(value)
  return iso ? `${iso[1]}-${iso[2]}-${iso[3]}` : null
}

/** The provider's answer → `{ name, birthDate, status }`, whatever wrapper and field names it uses. */
export function normalizePerson(body: unknown): CpfPerson | null {
  if (!body || typeof body !== 'object') return null
  const outer = body as Record<string, any>
  const record =
    [outer.data, outer.DADOS, outer.result].find((v) => v && typeof v === 'object') ?? outer
  const person = Array.isArray(record) ? record[0] : record
  const name = first(person, ['nome', 'name', 'NOME'])
  if (!name) return null
  return {
    name,
    birthDate: isoBirthDate(first(person, ['nascimento', 'data_nascimento', 'birthDate', 'NASC'])),
    status: first(person, ['situacao', 'status']),
  }
}

/** The CPF lookup call: 2 s at most, never throws (any failure is an outcome). */
export default class DatagetLookup extends DatagetClient {
  async lookup(cpf: string): Promise<CpfLookupResult> {
    try {
      const response = await this.http.get('', { ...this.request(cpf), timeout: 2_000 })
      if (response.status === 404) return { outcome: 'not_found', person: null }
      if (response.status < 200 || response.status >= 300) return { outcome: 'error', person: null }
      const person = normalizePerson(response.data)
      return person ? { outcome: 'found', person } : { outcome: 'not_found', person: null }
    } catch (error) {
      const failure = classifyFailure(error)
      return { outcome: failure.kind === 'timeout' ? 'timeout' : 'error', person: null }
    }
  }
}
