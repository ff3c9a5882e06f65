import { rm } from 'node:fs/promises'
import { DateTime } from 'luxon'
import type Workspace from '#models/workspace'
import type User from '#models/user'
import DataExport, { type ExportKind } from '#models/data_export'
import queue from '#services/queue'
import { exportPath } from '#actions/exports/run_export'

/**
 * Queues a background CSV export for the user who asked (only they download it). The
 * workspace's expired exports go first, files included: an export holds buyers' personal data
 * and is not kept past its link.
 */
export default class CreateExport {
  static async handle(params: {
    workspace: Workspace
    user: User
    kind: ExportKind
    filters: Record<string, unknown>
    fullCpf: boolean
  }) {
    await this.purgeExpired(params.workspace)
    const dataExport = await DataExport.create({
      workspaceId: params.workspace.id,
      userId: params.user.id,
      kind: params.kind,
      filters: params.filters,
      fullCpf: params.fullCpf,
      status: 'queued',
      processedRows: 0,
    })
    await queue.dispatch('run_export', {
      workspaceId: params.workspace.id,
      exportId: Number(dataExport.id),
    })
    return dataExport
  }

  /** Deletes the workspace's exports past their expiry, and their files. */
  static async purgeExpired(workspace: Workspace) {
    const expired = await DataExport.forWorkspace(workspace)
      .where('expires_at', '<', DateTime.now().toJSDate())
      .select('id', 'workspace_id', 'file_name')
    for (const row of expired) {
      if (row.fileName) await rm(exportPath(workspace.id, row.fileName), { force: true })
    }
    if (expired.length) {
      await DataExport.forWorkspace(workspace)
        .whereIn(
          'id',
          expired.map((row) => row.id)
        )
        .delete()
    }
  }
}
