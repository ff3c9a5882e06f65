import { urlFor } from '@adonisjs/core/services/url_builder'
import type { HttpContext } from '@adonisjs/core/http'
import { access } from 'node:fs/promises'
import DataExport, { EXPORT_KINDS, type ExportKind } from '#models/data_export'
import CreateExport from '#actions/exports/create_export'
import { exportPath } from '#actions/exports/run_export'
import { exportFileName, exportLimits, exportSource } from '#actions/exports/export_sources'
import { createExportValidator, validateExportFilters } from '#validators/export'
import { csvStream } from '#services/csv'
import { seesFullCpf } from '#services/personal_data'
import { t } from '#services/i18n'
import { wantsJson } from '#services/wants_json'

/**
 * "Exportar CSV" of the payments, leads, visitors and deliveries lists, with the list's filters.
 * Up to `exportLimits.syncMaxRows` rows the CSV streams in the response; above, the export
 * runs as a job (RunExport) and this page shows its progress and, when done, a download link
 * that only its author can use, inside its workspace, until it expires.
 */
export default class ExportsController {
  /** `GET /w/:slug/exports/csv/:kind?filters`: the CSV now, or the offer of a background export. */
  async csv({ params, request, response, workspace, workspaceRole }: HttpContext) {
    const { kind } = await createExportValidator.validate({ kind: params.kind })
    const filters = await validateExportFilters(kind, request.qs())
    const source = exportSource(workspace, kind, filters, { fullCpf: seesFullCpf(workspaceRole) })
    const total = await source.count()
    if (total > exportLimits.syncMaxRows) {
      return response
        .redirect()
        .status(303)
        .withQs({ ...request.qs(), kind })
        .toRoute('w.exports.index', { workspaceSlug: workspace.slug })
    }
    response.header('Content-Type', 'text/csv; charset=utf-8')
    response.header(
      'Content-Disposition',
      `attachment; filename="${exportFileName(workspace, kind)}"`
    )
    response.header('Cache-Control', 'no-store')
    response.header('X-Export-Rows', String(total))
    response.stream(csvStream(source.header, source.batches()))
  }

  /** The user's exports in this workspace, and the offer to run a large one in the background. */
  async index({ inertia, request, auth, workspace }: HttpContext) {
    const exports = await DataExport.forWorkspace(workspace)
      .where('user_id', auth.getUserOrFail().id)
      .orderBy('id', 'desc')
      .limit(20)
    const kind = request.qs().kind as ExportKind | undefined
    let offer = null
    if (kind && EXPORT_KINDS.includes(kind)) {
      const filters = { ...request.qs() }
      delete filters.kind
      offer = { kind, filters, syncMaxRows: exportLimits.syncMaxRows }
    }
    return inertia.render('exports/index', {
      exports: exports.map((row) => this.#present(workspace.slug, row)),
      offer,
    })
  }

  /** "Gerar arquivo": queues the export with the list's filters. */
  async store(ctx: HttpContext) {
    const { request, response, session, auth, workspace, workspaceRole, locale } = ctx
    const { kind } = await request.validateUsing(createExportValidator)
    const filters = await validateExportFilters(kind, request.all())
    const dataExport = await CreateExport.handle({
      workspace,
      user: auth.getUserOrFail(),
      kind,
      filters,
      fullCpf: seesFullCpf(workspaceRole),
    })
    session.flash('success', t(locale, 'exports.queued'))
    if (wantsJson(ctx)) {
      return response.status(202).json(this.#present(workspace.slug, dataExport))
    }
    return response
      .redirect()
      .status(303)
      .toRoute('w.exports.index', { workspaceSlug: workspace.slug })
  }

  /** `GET /w/:slug/exports/:id`: progress as JSON (the page polls it through Inertia too). */
  async show({ params, auth, workspace }: HttpContext) {
    const dataExport = await this.#find(workspace, auth.getUserOrFail().id, params.id)
    return this.#present(workspace.slug, dataExport)
  }

  /** The file, for its author only, until it expires (then 410 and the page says so). */
  async download({ params, response, auth, workspace, locale }: HttpContext) {
    const dataExport = await this.#find(workspace, auth.getUserOrFail().id, params.id)
    if (dataExport.status !== 'done' || !dataExport.fileName) {
      return response.status(409).json({ errors: [{ message: t(locale, 'exports.not_ready') }] })
    }
    const path = exportPath(workspace.id, dataExport.fileName)
    const exists = await access(path).then(
      () => true,
      () => false
    )
    if (dataExport.isExpired || !exists) {
      return response.status(410).json({ errors: [{ message: t(locale, 'exports.expired') }] })
    }
    response.header('Cache-Control', 'no-store')
    response.attachment(path, exportFileName(workspace, dataExport.kind))
  }

  /** Another workspace's export, or another user's, is a 404: its existence is not revealed. */
  #find(workspace: HttpContext['workspace'], userId: number, id: string) {
    return DataExport.forWorkspace(workspace)
      .where('id', Number(id))
      .where('user_id', userId)
      .firstOrFail()
  }

  #present(slug: string, row: DataExport) {
    const total = row.totalRows ?? 0
    return {
      id: Number(row.id),
      kind: row.kind,
      status: row.status,
      totalRows: row.totalRows,
      processedRows: row.processedRows,
      percent:
        row.status === 'done'
          ? 100
          : total
            ? Math.min(99, Math.floor((row.processedRows * 100) / total))
            : 0,
      fileBytes: row.fileBytes === null ? null : Number(row.fileBytes),
      error: row.status === 'failed' ? row.error : null,
      createdAt: row.createdAt.toISO(),
      expiresAt: row.expiresAt?.toISO() ?? null,
      expired: row.isExpired,
      downloadUrl:
        row.status === 'done' && !row.isExpired
          ? urlFor('w.exports.download', { workspaceSlug: slug, id: Number(row.id) })
          : null,
    }
  }
}
