import type { HttpContext } from '@adonisjs/core/http'
import ReconciliationReport from '#actions/reconciliation/reconciliation_report'
import { reconciliationFiltersValidator } from '#validators/reconciliation'

/** `GET /api/reconciliation?from&to`: the "Conciliação" figures per day and the mismatches. */
export default class ReconciliationController {
  async index({ request, workspace }: HttpContext) {
    const filters = await request.validateUsing(reconciliationFiltersValidator, {
      data: request.qs(),
    })
    return ReconciliationReport.handle({ workspace, filters })
  }
}
