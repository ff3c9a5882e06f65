import type { HttpContext } from '@adonisjs/core/http'
import WorkspacePolicy from '#policies/workspace_policy'
import FindDataSubject from '#actions/lgpd/find_data_subject'
import ExportDataSubject from '#actions/lgpd/export_data_subject'
import EraseDataSubject from '#actions/lgpd/erase_data_subject'
import { normalizeSubject } from '#actions/lgpd/data_subject'
import { lgpdEraseValidator, lgpdExportValidator, lgpdSearchValidator } from '#validators/lgpd'
import { csvStream } from '#services/csv'

/**
 * `POST /api/lgpd/{search,export,erase}`: the admin's LGPD page for API clients, same actions,
 * same rule (owners and admins of the token's workspace; a read-only token cannot).
 */
export default class LgpdController {
  /** Counts per table and the postbacks already delivered to third parties. */
  async search({ request, bouncer, workspace, locale }: HttpContext) {
    await bouncer.with(WorkspacePolicy).authorize('manage', workspace)
    const subject = normalizeSubject(await request.validateUsing(lgpdSearchValidator), locale)
    const records = await FindDataSubject.handle({ workspace, subject })
    const endpoints = await workspace.related('webhookEndpoints').query().select('id', 'name')
    return FindDataSubject.summary(
      records,
      new Map(endpoints.map((endpoint) => [endpoint.id, endpoint.name]))
    )
  }

  /** Everything held about the subject: JSON by default, `format: "csv"` for a CSV file. */
  async export({ request, response, bouncer, workspace, locale }: HttpContext) {
    await bouncer.with(WorkspacePolicy).authorize('manage', workspace)
    const { format, ...input } = await request.validateUsing(lgpdExportValidator)
    const document = await ExportDataSubject.document({
      workspace,
      subject: normalizeSubject(input, locale),
    })
    response.header('Cache-Control', 'no-store')
    if (format !== 'csv') return document
    const [header, ...rows] = ExportDataSubject.csvRows(document)
    response.header('Content-Type', 'text/csv; charset=utf-8')
    response.header('Content-Disposition', `attachment; filename="lgpd-${workspace.slug}.csv"`)
    return response.stream(
      csvStream(
        header as string[],
        (async function* () {
          yield rows
        })()
      )
    )
  }

  /** Anonymises the subject; answers the counts and the postbacks already sent. */
  async erase({ request, bouncer, workspace, locale }: HttpContext) {
    await bouncer.with(WorkspacePolicy).authorize('manage', workspace)
    const { email, cpf, phone } = await request.validateUsing(lgpdEraseValidator)
    const input = { email, cpf, phone }
    return EraseDataSubject.handle({ workspace, subject: normalizeSubject(input, locale) })
  }
}
