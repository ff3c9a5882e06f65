import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import type Funnel from '#models/funnel'
import FunnelStep from '#models/funnel_step'
import { lockFunnel } from '#actions/steps/lock_funnel'
import { STEP_REFERENCE_KEYS } from '#validators/step'
import { workspaceTable } from '#services/tenancy'

interface Params {
  funnel: Funnel
  step: FunnelStep
}

/**
 * Deletes a step. Under the funnel's lock the steps after it move up one place (the order stays
 * dense, 0..n-1), and whatever pointed to it (other steps' next / accept / decline, a checkout's
 * upsell step) is cleared, so no content refers to a missing step. Its checkout config and
 * step pixels go with it (foreign keys); the remaining steps get a new version since their
 * neighbours changed.
 */
export default class DeleteStep {
  static async handle({ funnel, step }: Params) {
    await db.transaction(async (trx) => {
      const locked = await lockFunnel(trx, funnel)
      const current = await FunnelStep.forWorkspace(locked.workspaceId, { client: trx })
        .where('funnel_id', locked.id)
        .where('id', step.id)
        .firstOrFail()
      await current.delete()

      const remaining = await FunnelStep.forWorkspace(locked.workspaceId, { client: trx })
        .where('funnel_id', locked.id)
        .orderBy('order_index')
      for (const [index, other] of remaining.entries()) {
        const content = { ...(other.content ?? {}) }
        let pointed = false
        for (const key of STEP_REFERENCE_KEYS) {
          if (content[key] === current.id) {
            content[key] = null
            pointed = true
          }
        }
        if (pointed) other.content = content
        other.orderIndex = index
        other.version += 1
        await other.save()
      }

      await workspaceTable(locked.workspaceId, 'checkout_configs', trx)
        .where('funnel_id', locked.id)
        .whereRaw(`upsell_config -> 'stepId' = to_jsonb(?::int)`, [current.id])
        .update({ upsell_config: trx.raw(`jsonb_set(upsell_config, '{stepId}', 'null')`) })

      locked.updatedAt = DateTime.now()
      await locked.save()
    })
  }
}
