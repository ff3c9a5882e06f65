import { DateTime } from 'luxon'
import { compose } from '@adonisjs/core/helpers'
import { BaseModel, column } from '@adonisjs/lucid/orm'
import { WithWorkspace } from '#models/mixins/with_workspace'

export const EXPORT_KINDS = ['payments', 'leads', 'visitors', 'deliveries'] as const
export type ExportKind = (typeof EXPORT_KINDS)[number]
export type ExportStatus = 'queued' | 'running' | 'done' | 'failed'

/** A background CSV export (too large for a request): its progress and its file. */
export default class DataExport extends compose(BaseModel, WithWorkspace) {
  static table = 'data_exports'

  @column({ isPrimary: true })
  declare id: number

  @column()
  declare workspaceId: number

  @column()
  declare userId: number | null

  @column()
  declare kind: ExportKind

  @column()
  declare filters: Record<string, unknown>

  @column()
  declare fullCpf: boolean

  @column()
  declare status: ExportStatus

  @column()
  declare totalRows: number | null

  @column()
  declare processedRows: number

  @column()
  declare fileName: string | null

  @column()
  declare fileBytes: number | null

  @column()
  declare error: string | null

  @column.dateTime()
  declare finishedAt: DateTime | null

  @column.dateTime()
  declare expiresAt: DateTime | null

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime

  @column.dateTime({ autoCreate: true, autoUpdate: true })
  declare updatedAt: DateTime

  get isExpired() {
    return this.expiresAt !== null && this.expiresAt < DateTime.now()
  }
}
