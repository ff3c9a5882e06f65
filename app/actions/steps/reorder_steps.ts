import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import type Funnel from '#models/funnel'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import FunnelStep from '#models/funnel_step'
import { lockFunnel } from '#actions/steps/lock_funnel'
import { DomainError } from '#exceptions/domain_error'

interface Params {
  funnel: Funnel
  /** Every step id of the funnel, in the new order. */
  ids: number[]
}

/**
 * Puts a funnel's steps in the given order (`order_index` 0..n-1). The funnel row is locked
 * first, so concurrent reorders (and appends, deletions) run one after the other and the last
 * one wins whole; the unique (funnel_id, order_index) is checked at the end of the statement
 * (DEFERRABLE INITIALLY IMMEDIATE), so the rows swap positions in place in one UPDATE. `ids` must be exactly the funnel's steps (422).
 */
export default class ReorderSteps {
  static async handle({ funnel, ids }: Params) {
    return db.transaction(async (trx) => {
      const locked = await lockFunnel(trx, funnel)
      const steps = await FunnelStep.forWorkspace(locked.workspaceId, { client: trx })
        .where('funnel_id', locked.id)
        .orderBy('order_index')

      const known = new Set(steps.map((step) => step.id))
      if (
        ids.length !== steps.length ||
        new Set(ids).size !== ids.length ||
        !ids.every((id) => known.has(id))
      ) {
        throw new DomainError(422, 'step_order', 'validation.step_order', 'ids')
      }

      await this.write(trx, locked, steps, ids)

      return FunnelStep.forWorkspace(locked.workspaceId, { client: trx })
        .where('funnel_id', locked.id)
        .orderBy('order_index')
    })
  }

  /**
   * Moves one step to `position` (0-based, clamped to the funnel's range) and shifts the others:
   * the seed's `order_index` on a step update. Call inside a transaction holding the funnel's
   * lock (lockFunnel), like every other write to its steps.
   */
  static async move(
    trx: TransactionClientContract,
    locked: Funnel,
    stepId: number,
    position: number
  ) {
    const steps = await FunnelStep.forWorkspace(locked.workspaceId, { client: trx })
      .where('funnel_id', locked.id)
      .orderBy('order_index')
    const ids = steps.map((step) => step.id).filter((id) => id !== stepId)
    ids.splice(Math.min(Math.max(position, 0), ids.length), 0, stepId)
    await this.write(trx, locked, steps, ids)
  }

  /** Writes the new positions in one UPDATE, when they differ from `steps` (current order). */
  static async write(
    trx: TransactionClientContract,
    locked: Funnel,
    steps: FunnelStep[],
    ids: number[]
  ) {
    const unchanged = steps.every((step, index) => step.id === ids[index])
    if (unchanged) return
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
}
