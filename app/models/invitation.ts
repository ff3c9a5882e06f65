import { BaseModel, belongsTo, column } from '@adonisjs/lucid/orm'
import type { BelongsTo } from '@adonisjs/lucid/types/relations'
import type { DateTime } from 'luxon'
import Agency from '#models/agency'
import type { Role } from '#enums/roles'

/** An e-mailed invitation to an agency or to some of its workspaces (see the migration). */
export default class Invitation extends BaseModel {
  static table = 'invitations'

  @column({ isPrimary: true })
  declare id: number

  @column()
  declare agencyId: number

  @column()
  declare email: string

  @column()
  declare role: Role

  /** Null: the whole agency. Otherwise the workspaces the invitation opens. */
  @column({ prepare: (value: number[] | null) => (value ? JSON.stringify(value) : null) })
  declare workspaceIds: number[] | null

  @column({ serializeAs: null })
  declare tokenHash: string

  @column()
  declare invitedBy: number | null

  @column.dateTime()
  declare expiresAt: DateTime

  @column.dateTime()
  declare acceptedAt: DateTime | null

  @column.dateTime()
  declare revokedAt: DateTime | null

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime

  @belongsTo(() => Agency)
  declare agency: BelongsTo<typeof Agency>
}
