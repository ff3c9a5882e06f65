import type { NormalizeConstructor } from '@adonisjs/core/types/helpers'
import { belongsTo } from '@adonisjs/lucid/orm'
import type { BelongsTo } from '@adonisjs/lucid/types/relations'
import type { BaseModel } from '@adonisjs/lucid/orm'
import Workspace from '#models/workspace'

/**
 * Tenancy for a model whose table carries `workspace_id`: the `workspace` relation. Queries
 * still start from the workspace (`workspace.related('funnels').query()`), never `Model.find`.
 */
export function WithWorkspace<Model extends NormalizeConstructor<typeof BaseModel>>(
  superclass: Model
) {
  class ModelWithWorkspace extends superclass {
    declare workspaceId: number

    @belongsTo(() => Workspace)
    declare workspace: BelongsTo<typeof Workspace>
  }
  return ModelWithWorkspace
}
