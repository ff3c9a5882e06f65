import db from '@adonisjs/lucid/services/db'
import type { QueryClientContract } from '@adonisjs/lucid/types/database'

/** A workspace, or its id when only that is known (a job payload, a locked row). */
export type WorkspaceRef = { id: number } | number

export function workspaceIdOf(workspace: WorkspaceRef): number {
  return typeof workspace === 'number' ? workspace : workspace.id
}

/**
 * The bare query builder's start for a tenant table (aggregates, locks, updates that need no
 * model): `workspaceTable(workspace, 'payments as p', trx)` is `trx.from('payments as p')` already
 * filtered on `p.workspace_id`. The one place besides `Model.forWorkspace` where that filter is
 * written (tests/unit/tenancy_guard.spec.ts fails on a hand-written one).
 */
export function workspaceTable(
  workspace: WorkspaceRef,
  table: string,
  client: Pick<QueryClientContract, 'from'> = db
) {
  const alias = table.split(/\s+as\s+/i)[1]?.trim() ?? table.trim()
  return client.from(table).where(`${alias}.workspace_id`, workspaceIdOf(workspace))
}
