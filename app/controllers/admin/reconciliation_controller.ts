import type { HttpContext } from '@adonisjs/core/http'
import ReconciliationReport from '#actions/reconciliation/reconciliation_report'
import { reconciliationFiltersValidator } from '#validators/reconciliation'

/**
 * `/w/:workspaceSlug/reconciliation` ("Conciliação"): per day, charges, paid, paid and
 * announced to UTMify, mismatches; the mismatches the daily reconciliation found, with the
 * action it took. An invalid period falls back to the last 14 days.
 */
export default class ReconciliationController {
  async index({ inertia, request, workspace }: HttpContext) {
    const [, valid] = await reconciliationFiltersValidator.tryValidate(request.qs())
    const report = await ReconciliationReport.handle({ workspace, filters: valid ?? {} })
    return inertia.render('reconciliation/index', { report })
  }
}
