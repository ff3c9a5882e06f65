import type { NormalizeConstructor } from '@adonisjs/core/types/helpers'
import { belongsTo } from '@adonisjs/lucid/orm'
import type { BelongsTo } from '@adonisjs/lucid/types/relations'
import type { BaseModel } from '@adonisjs/lucid/orm'
import type { LucidModel, ModelAdapterOptions } from '@adonisjs/lucid/types/model'
import Workspace from '#models/workspace'
import { workspaceIdOf, type WorkspaceRef } from '#services/tenancy'

/**
 * Tenancy for a model whose table carries `workspace_id`: the `workspace` relation, and the one
 * way to start a query of it. With the workspace at hand: `workspace.related('funnels').query()`
 * (`.useTransaction(trx)` inside a transaction); with its id only (a job payload, a locked row):
 * `Funnel.forWorkspace(workspaceId, { client: trx })`. Never `Model.query()` / `Model.find(id)`:
 * tests/unit/tenancy_guard.spec.ts fails on those.
 */
export function WithWorkspace<Model extends NormalizeConstructor<typeof BaseModel>>(
  superclass: Model
) {
  class ModelWithWorkspace extends superclass {
    declare workspaceId: number

    @belongsTo(() => Workspace)
    declare workspace: BelongsTo<typeof Workspace>

    /** A query of this model's rows in one workspace (the table-qualified filter, so joins keep it). */
    static forWorkspace<T extends LucidModel>(
      this: T,
      workspace: WorkspaceRef,
      options?: ModelAdapterOptions
    ) {
      return this.query(options).where(`${this.table}.workspace_id`, workspaceIdOf(workspace))
    }
  }
  return ModelWithWorkspace
}
