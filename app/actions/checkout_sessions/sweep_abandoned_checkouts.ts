import db from '@adonisjs/lucid/services/db'
import logger from '@adonisjs/core/services/logger'
import Workspace from '#models/workspace'
import SendRecoveryEmail from '#actions/checkout_sessions/send_recovery_emails'
import { DEFAULT_ABANDON_AFTER_MINUTES } from '#services/buyer_journey'
import {
  planSessionWebhooks,
  type CheckoutSessionRow,
} from '#actions/checkout_sessions/checkout_session_events'

/**
 * Repeatable: open checkout sessions without a paid PIX and untouched for the workspace's
 * delay (settings.recovery.abandonAfterMinutes, default 30) become "abandonado", with a
 * `checkout.abandoned` webhook each. One conditional UPDATE: concurrent sweeps mark a session
 * once. `now` is a parameter so tests move the clock instead of waiting.
 */
export default class SweepAbandonedCheckouts {
  static async handle({ now = new Date(), limit = 500 } = {}) {
    const { rows } = await db.rawQuery<{ rows: CheckoutSessionRow[] }>(
      `UPDATE checkout_sessions cs SET status = 'abandoned', abandoned_at = ?::timestamptz, updated_at = now()
        FROM workspaces w
        WHERE w.id = cs.workspace_id AND cs.id IN (
          SELECT s.id FROM checkout_sessions s JOIN workspaces ws ON ws.id = s.workspace_id
           WHERE s.status = 'open' AND (s.payment_status IS NULL OR s.payment_status <> 'paid')
             AND s.last_activity_at < ?::timestamptz - make_interval(mins =>
                   CASE WHEN (ws.settings->'recovery'->>'abandonAfterMinutes') ~ '^[0-9]{1,4}$'
                        THEN (ws.settings->'recovery'->>'abandonAfterMinutes')::int ELSE ? END)
           ORDER BY s.last_activity_at LIMIT ?
           FOR UPDATE OF s SKIP LOCKED)
        RETURNING cs.*`,
      [now.toISOString(), now.toISOString(), DEFAULT_ABANDON_AFTER_MINUTES, limit]
    )
    const workspaces = new Map<number, Workspace>()
    for (const row of rows) {
      try {
        const workspace =
          workspaces.get(row.workspace_id) ?? (await Workspace.findOrFail(row.workspace_id))
        workspaces.set(workspace.id, workspace)
        await planSessionWebhooks(workspace, row, 'checkout.abandoned')
        await SendRecoveryEmail.handle(workspace, row)
      } catch (error) {
        logger.error({ err: error, sessionId: row.id }, 'checkout.abandoned not planned')
      }
    }
    return { abandoned: rows.length }
  }
}
