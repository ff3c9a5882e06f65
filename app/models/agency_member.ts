import { AgencyMemberSchema } from '#database/schema'
import { belongsTo } from '@adonisjs/lucid/orm'
import type { BelongsTo } from '@adonisjs/lucid/types/relations'
import type { AgencyRole } from '#enums/roles'
import Agency from '#models/agency'
import User from '#models/user'

export default class AgencyMember extends AgencyMemberSchema {
  declare role: AgencyRole

  @belongsTo(() => Agency)
  declare agency: BelongsTo<typeof Agency>

  @belongsTo(() => User)
  declare user: BelongsTo<typeof User>
}
