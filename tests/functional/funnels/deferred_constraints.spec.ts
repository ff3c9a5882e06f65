import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { freshDatabase } from '#tests/helpers/database'
import { createTenant } from '#tests/helpers/tenants'
import { FunnelFactory } from '#database/factories/funnel_factory'
import { FunnelStepFactory } from '#database/factories/funnel_step_factory'
import FunnelStep from '#models/funnel_step'

test.group('Steps: an order violation is an error, never a silent rollback', (group) => {
  freshDatabase(group)

  test('two steps at the same position fail at the statement, in a transaction or not; a swap in one statement passes', async ({
    assert,
  }) => {
    const { workspace } = await createTenant()
    const funnel = await FunnelFactory.merge({ workspaceId: workspace.id }).create()
    const atZero = () =>
      FunnelStepFactory.merge({ workspaceId: workspace.id, funnelId: funnel.id, orderIndex: 0 })

    /**
     * A violation checked at COMMIT used to be lost by knex (rollback, no error). Checked at
     * the end of each statement, it reaches the caller.
     */
    await assert.rejects(
      () =>
        db.transaction(async (trx) => {
          await atZero().client(trx).createMany(2)
        }),
      /funnel_steps_order_unique|duplicate key/
    )
    assert.lengthOf(await FunnelStep.query().where('funnel_id', funnel.id), 0)

    const first = await atZero().create()
    await assert.rejects(() => atZero().create(), /funnel_steps_order_unique|duplicate key/)
    assert.lengthOf(await FunnelStep.query().where('funnel_id', funnel.id), 1)

    /** What the constraint stays deferrable for: positions swapped in one UPDATE. */
    const second = await FunnelStepFactory.merge({
      workspaceId: workspace.id,
      funnelId: funnel.id,
      orderIndex: 1,
    }).create()
    await db.rawQuery(`UPDATE funnel_steps SET order_index = 1 - order_index WHERE funnel_id = ?`, [
      funnel.id,
    ])
    await first.refresh()
    await second.refresh()
    assert.deepEqual([first.orderIndex, second.orderIndex], [1, 0])
  })
})
