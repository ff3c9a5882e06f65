import { WorkspaceMemberSchema } from '#database/schema'
import { belongsTo } from '@adonisjs/lucid/orm'
import type { BelongsTo } from '@adonisjs/lucid/types/relations'
import type { WorkspaceRole } from '#enums/roles'
import User from '#models/user'
import { WithWorkspace } from '#models/mixins/with_workspace'
import { compose } from '@adonisjs/core/helpers'

/** A client login, or a member restricted to some workspaces of an agency. */
export default class WorkspaceMember extends compose(WorkspaceMemberSchema, WithWorkspace) {
  declare role: WorkspaceRole

  @belongsTo(() => User)
  declare user: BelongsTo<typeof User>
}
