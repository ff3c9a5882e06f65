import { BaseModel, column } from '@adonisjs/lucid/orm'
import type { DateTime } from 'luxon'

/** One CPF lookup at checkout, for the audit log (the CPF itself is never stored in clear). */
export default class CpfLookup extends BaseModel {
  static table = 'cpf_lookups'

  @column({ isPrimary: true })
  declare id: number

  @column()
  declare workspaceId: number

  @column()
  declare cpfMasked: string

  @column()
  declare cpfHash: string

  @column()
  declare outcome: 'found' | 'not_found' | 'cached' | 'error' | 'timeout'

  @column()
  declare sessionId: string | null

  @column()
  declare ipAddress: string | null

  @column()
  declare durationMs: number | null

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime
}
