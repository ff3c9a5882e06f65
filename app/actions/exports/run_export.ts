import { randomUUID } from 'node:crypto'
import { createWriteStream } from 'node:fs'
import { mkdir, rm, stat } from 'node:fs/promises'
import { pipeline } from 'node:stream/promises'
import { DateTime } from 'luxon'
import app from '@adonisjs/core/services/app'
import Workspace from '#models/workspace'
import DataExport from '#models/data_export'
import { exportSource } from '#actions/exports/export_sources'
import { csvStream } from '#services/csv'

/** How long a finished export can be downloaded. */
export const EXPORT_TTL_HOURS = 24

/**
 * The progress bar moves at most every `progressEveryMs` (one UPDATE per interval, not per
 * batch); `batchRows` overrides the source's page size (tests watch the bar move on few rows).
 */
export const exportJobSettings: { progressEveryMs: number; batchRows?: number } = {
  progressEveryMs: 500,
}

/**
 * Where export files live: under the app's tmp/, one folder per workspace. Web and workers
 * share it on one machine (npm start, docker-compose with a shared volume).
 */
export function exportPath(workspaceId: number, fileName: string) {
  return app.makePath('tmp', 'exports', String(workspaceId), fileName)
}

/**
 * A background CSV export (the `run_export` job): streams the rows to a file through the same
 * source as the in-request export, recording the row count and the progress on the export's
 * row as it goes, then when the file can be downloaded and until when. A failure is recorded
 * (the page shows it) and the partial file removed.
 */
export default class RunExport {
  static async handle({ workspaceId, exportId }: { workspaceId: number; exportId: number }) {
    const workspace = await Workspace.find(workspaceId)
    if (!workspace) return
    const dataExport = await DataExport.forWorkspace(workspace).where('id', exportId).first()
    if (!dataExport || dataExport.status === 'done') return

    const fileName = `${randomUUID()}.csv`
    const path = exportPath(workspace.id, fileName)
    try {
      const source = exportSource(workspace, dataExport.kind, this.#filters(dataExport.filters), {
        fullCpf: dataExport.fullCpf,
        batchRows: exportJobSettings.batchRows,
      })
      dataExport.merge({ status: 'running', totalRows: await source.count(), processedRows: 0 })
      await dataExport.save()

      let processed = 0
      let savedAt = Date.now()
      const counted = async function* () {
        for await (const rows of source.batches()) {
          yield rows
          processed += rows.length
          if (Date.now() - savedAt >= exportJobSettings.progressEveryMs) {
            savedAt = Date.now()
            await DataExport.forWorkspace(workspace)
              .where('id', exportId)
              .update({ processed_rows: processed, updated_at: new Date() })
          }
        }
      }
      await mkdir(app.makePath('tmp', 'exports', String(workspace.id)), { recursive: true })
      await pipeline(csvStream(source.header, counted()), createWriteStream(path))

      const { size } = await stat(path)
      const now = DateTime.now()
      dataExport.merge({
        status: 'done',
        processedRows: processed,
        totalRows: processed,
        fileName,
        fileBytes: size,
        finishedAt: now,
        expiresAt: now.plus({ hours: EXPORT_TTL_HOURS }),
      })
      await dataExport.save()
    } catch (error) {
      await rm(path, { force: true })
      dataExport.merge({ status: 'failed', error: String((error as Error).message).slice(0, 500) })
      await dataExport.save()
      throw error
    }
  }

  /** Dates were stored as strings in the row's JSON: back to Dates for the source. */
  static #filters(filters: Record<string, unknown>) {
    const out: Record<string, unknown> = { ...filters }
    for (const key of ['from', 'to']) {
      if (typeof out[key] === 'string') out[key] = new Date(out[key] as string)
    }
    return out
  }
}
