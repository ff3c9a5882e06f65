import { AgencySchema } from '#database/schema'
import { hasMany } from '@adonisjs/lucid/orm'
import type { HasMany } from '@adonisjs/lucid/types/relations'
import Workspace from '#models/workspace'
import AgencyMember from '#models/agency_member'

/** The paying tenant: an agency that runs many client workspaces. */
export default class Agency extends AgencySchema {
  @hasMany(() => Workspace)
  declare workspaces: HasMany<typeof Workspace>

  @hasMany(() => AgencyMember)
  declare members: HasMany<typeof AgencyMember>
}
