import db from '@adonisjs/lucid/services/db'
import logger from '@adonisjs/core/services/logger'
import PlanPaymentPostbacks from '#actions/postbacks/plan_payment_postbacks'

/**
 * The outbox of payment facts. Every transition (the creation's `pending` one is "PIX
 * generated") commits with `postbacks_planned_at` null; the job enqueued after the commit plans the postbacks and
 * sets it. If the process died between the commit and the enqueue, or Redis refused the job,
 * the row stays null: this sweep (every minute) plans those older than `graceSeconds` itself.
 * Planning is idempotent (dedupe keys), so racing the regular job costs nothing.
 */
export default class SweepUnplannedPostbacks {
  static async handle({ graceSeconds = 30, limit = 200 } = {}) {
    const { rows: transitions } = await db.rawQuery<{
      rows: Array<{ id: string; workspace_id: number; payment_id: number; to_status: string }>
    }>(
      `SELECT id, workspace_id, payment_id, to_status FROM payment_transitions
        WHERE postbacks_planned_at IS NULL AND created_at < now() - make_interval(secs => ?)
        ORDER BY created_at LIMIT ?`,
      [graceSeconds, limit]
    )
    let planned = 0
    const facts = transitions.map((row) => ({
      workspaceId: row.workspace_id,
      paymentId: row.payment_id,
      status: row.to_status,
      transitionId: Number(row.id),
    }))
    for (const fact of facts) {
      try {
        await PlanPaymentPostbacks.handle(fact)
        planned++
      } catch (error) {
        /** One broken fact must not hold the others back; it stays null for the next sweep. */
        logger.error({ err: error, ...fact }, 'could not plan the postbacks of a payment fact')
      }
    }
    return { planned, found: facts.length }
  }
}
