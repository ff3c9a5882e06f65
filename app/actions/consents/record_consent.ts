import db from '@adonisjs/lucid/services/db'
import logger from '@adonisjs/core/services/logger'
import type Workspace from '#models/workspace'
import { consentNotice } from '#services/buyer_journey'

/**
 * LGPD: what the buyer agreed to and when — the terms/privacy links and the seller shown on the
 * form they submitted (the page renders the same `consentNotice`). Recorded only when the form
 * carried the consent field and the workspace shows a notice. Never fails the submission.
 */
export default class RecordConsent {
  static async handle(params: {
    workspace: Workspace
    context: 'capture' | 'checkout'
    given: unknown
    sessionId: string | null
    stepId: number | null
    email?: string | null
    ip?: string | null
  }) {
    const notice = consentNotice(params.workspace)
    if (!notice || String(params.given) !== '1') return null
    try {
      const [row] = await db
        .table('consents')
        .insert({
          workspace_id: params.workspace.id,
          session_id: params.sessionId,
          step_id: params.stepId,
          context: params.context,
          email: params.email ? String(params.email).slice(0, 255) : null,
          terms: JSON.stringify({
            termsUrl: notice.termsUrl,
            privacyUrl: notice.privacyUrl,
            sellerName: notice.sellerName,
            sellerDocument: notice.sellerDocument,
          }),
          ip_address: params.ip ? String(params.ip).slice(0, 64) : null,
        })
        .returning(['id', 'consented_at'])
      return row
    } catch (error) {
      logger.error({ err: error }, 'consent not recorded')
      return null
    }
  }
}
