import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import { errors as vineErrors } from '@vinejs/vine'
import type Funnel from '#models/funnel'
import FunnelStep from '#models/funnel_step'
import { lockFunnel } from '#actions/steps/lock_funnel'
import { t, type Locale } from '#services/i18n'

interface Params {
  funnel: Funnel
  /** Every step id of the funnel, in the new order. */
  ids: number[]
  locale?: Locale
}

/**
 * Puts a funnel's steps in the given order (`order_index` 0..n-1). The funnel row is locked
 * first, so concurrent reorders (and appends, deletions) run one after the other and the last
 * one wins whole; the unique (funnel_id, order_index) is checked at the end of the statement
 * (DEFERRABLE INITIALLY IMMEDIATE), so the rows swap positions in place in one UPDATE. `ids` must be exactly the funnel's steps (422).
 */
export default class ReorderSteps {
  static async handle({ funnel, ids, locale = 'pt-BR' }: Params) {
    return db.transaction(async (trx) => {
      const locked = await lockFunnel(trx, funnel)
      const steps = await FunnelStep.query({ client: trx })
        .where('workspace_id', locked.workspaceId)
        .where('funnel_id', locked.id)
        .orderBy('order_index')

      const known = new Set(steps.map((step) => step.id))
      if (
        ids.length !== steps.length ||
        new Set(ids).size !== ids.length ||
        !ids.every((id) => known.has(id))
      ) {
        throw new vineErrors.E_VALIDATION_ERROR([
          { field: 'ids', rule: 'step_order', message: t(locale, 'validation.step_order') },
        ])
      }

      const unchanged = steps.every((step, index) => step.id === ids[index])
      if (!unchanged) {
        const values = ids.map(() => '(?::int, ?::int)').join(', ')
        await trx.rawQuery(
          `UPDATE funnel_steps AS s
              SET order_index = v.position, version = s.version + 1, updated_at = now()
             FROM (VALUES ${values}) AS v(id, position)
            WHERE s.id = v.id AND s.workspace_id = ? AND s.funnel_id = ?`,
          [...ids.flatMap((id, position) => [id, position]), locked.workspaceId, locked.id]
        )
        locked.updatedAt = DateTime.now()
        await locked.save()
      }

      return FunnelStep.query({ client: trx })
        .where('workspace_id', locked.workspaceId)
        .where('funnel_id', locked.id)
        .orderBy('order_index')
    })
  }
}
