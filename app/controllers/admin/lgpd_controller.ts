import type { HttpContext } from '@adonisjs/core/http'
import WorkspacePolicy from '#policies/workspace_policy'
import FindDataSubject from '#actions/lgpd/find_data_subject'
import ExportDataSubject from '#actions/lgpd/export_data_subject'
import EraseDataSubject from '#actions/lgpd/erase_data_subject'
import { normalizeSubject } from '#actions/lgpd/data_subject'
import { lgpdEraseValidator, lgpdExportValidator, lgpdSearchValidator } from '#validators/lgpd'
import { csvStream } from '#services/csv'
import { formatBRL } from '#services/money'

/**
 * "Solicitações LGPD" (`/w/:workspaceSlug/lgpd`): owners and admins find a data subject,
 * download what the workspace holds about them (JSON or CSV) and anonymise them. Each POST is
 * recorded in the audit log by the workspace middleware (route name, user, IP; the identifiers
 * travel in the body, so they are not in the logged path).
 */
export default class LgpdController {
  async index({ inertia, bouncer, workspace }: HttpContext) {
    await bouncer.with(WorkspacePolicy).authorize('manage', workspace)
    return inertia.render('lgpd/index', { subject: null, result: null, erased: null })
  }

  /** GET after a reload of the results page: back to the empty search. */
  async redirectToIndex({ response, workspace }: HttpContext) {
    return response.redirect().toRoute('w.lgpd.index', { workspaceSlug: workspace.slug })
  }

  async search({ inertia, request, bouncer, workspace, locale }: HttpContext) {
    await bouncer.with(WorkspacePolicy).authorize('manage', workspace)
    const input = await request.validateUsing(lgpdSearchValidator)
    const subject = normalizeSubject(input, locale)
    const records = await FindDataSubject.handle({ workspace, subject })
    const endpoints = await workspace.related('webhookEndpoints').query().select('id', 'name')
    const summary = FindDataSubject.summary(
      records,
      new Map(endpoints.map((endpoint) => [endpoint.id, endpoint.name]))
    )
    return inertia.render('lgpd/index', {
      subject: input,
      result: {
        ...summary,
        payments: records.payments.map((row) => ({
          id: row.id,
          status: row.status,
          amount: formatBRL(row.amount_cents),
          createdAt: new Date(row.created_at).toISOString(),
          name: row.customer_data?.name ?? null,
        })),
      },
      erased: null,
    })
  }

  /** The subject's data as a JSON document or CSV file (a download). */
  async export({ request, response, bouncer, workspace, locale }: HttpContext) {
    await bouncer.with(WorkspacePolicy).authorize('manage', workspace)
    const { format, ...input } = await request.validateUsing(lgpdExportValidator)
    const document = await ExportDataSubject.document({
      workspace,
      subject: normalizeSubject(input, locale),
    })
    const name = `lgpd-${workspace.slug}-${document.generatedAt.slice(0, 10)}`
    response.header('Cache-Control', 'no-store')
    if (format === 'csv') {
      const [header, ...rows] = ExportDataSubject.csvRows(document)
      response.header('Content-Type', 'text/csv; charset=utf-8')
      response.header('Content-Disposition', `attachment; filename="${name}.csv"`)
      return response.stream(
        csvStream(
          header as string[],
          (async function* () {
            yield rows
          })()
        )
      )
    }
    response.header('Content-Disposition', `attachment; filename="${name}.json"`)
    return response.json(document)
  }

  async erase({ inertia, request, bouncer, workspace, locale }: HttpContext) {
    await bouncer.with(WorkspacePolicy).authorize('manage', workspace)
    const { email, cpf, phone } = await request.validateUsing(lgpdEraseValidator)
    const input = { email, cpf, phone }
    const erased = await EraseDataSubject.handle({
      workspace,
      subject: normalizeSubject(input, locale),
    })
    return inertia.render('lgpd/index', { subject: null, result: null, erased })
  }
}
