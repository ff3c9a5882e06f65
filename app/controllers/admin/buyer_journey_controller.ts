import type { HttpContext } from '@adonisjs/core/http'
import db from '@adonisjs/lucid/services/db'
import WorkspacePolicy from '#policies/workspace_policy'
import { buyerJourneyValidator } from '#validators/buyer_journey'
import { buyerJourneySettings } from '#services/buyer_journey'
import { t } from '#services/i18n'
import { wantsJson } from '#services/wants_json'

/**
 * `PUT /w/:workspaceSlug/settings/buyer-journey`: the buyer e-mails, consent and recovery
 * settings (owners and admins). Each section sent replaces that key of `settings` in one
 * jsonb merge, so other keys (the page language…) written meanwhile are kept.
 */
export default class BuyerJourneyController {
  async update(ctx: HttpContext) {
    const { request, response, session, workspace, bouncer } = ctx
    await bouncer.with(WorkspacePolicy).authorize('manage', workspace)
    const data = await request.validateUsing(buyerJourneyValidator)
    const changes: Record<string, unknown> = {}
    for (const key of ['buyerEmails', 'consent', 'recovery'] as const) {
      if (data[key]) changes[key] = data[key]
    }
    await db.rawQuery(
      `UPDATE workspaces SET settings = coalesce(settings, '{}'::jsonb) || ?::jsonb, updated_at = now()
        WHERE id = ?`,
      [JSON.stringify(changes), workspace.id]
    )
    await workspace.refresh()
    if (wantsJson(ctx)) {
      return response.ok(buyerJourneySettings(workspace))
    }
    session.flash('success', t(ctx.locale, 'buyer_emails.settings.saved'))
    return response.redirect().back()
  }
}
