import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { freshDatabase } from '#tests/helpers/database'
import { createTenant } from '#tests/helpers/tenants'
import { FunnelFactory } from '#database/factories/funnel_factory'
import { FunnelStepFactory } from '#database/factories/funnel_step_factory'
import FunnelStep from '#models/funnel_step'
import { strictTransaction } from '#services/strict_transaction'

test.group('Steps: a deferred order violation is an error, never a silent rollback', (group) => {
  freshDatabase(group)

  test('two steps at the same position: a plain transaction loses the write without an error; strictTransaction raises it', async ({
    assert,
  }) => {
    const { workspace } = await createTenant()
    const funnel = await FunnelFactory.merge({ workspaceId: workspace.id }).create()
    const duplicate = (trx: any) =>
      FunnelStepFactory.client(trx)
        .merge({ workspaceId: workspace.id, funnelId: funnel.id, orderIndex: 0 })
        .createMany(2)

    /** What strictTransaction protects against (knex swallows the error of COMMIT). */
    await db.transaction(async (trx) => {
      await duplicate(trx)
    })
    assert.lengthOf(await FunnelStep.query().where('funnel_id', funnel.id), 0)

    await assert.rejects(
      () => strictTransaction(async (trx) => duplicate(trx)),
      /funnel_steps_order_unique|duplicate key/
    )
    assert.lengthOf(await FunnelStep.query().where('funnel_id', funnel.id), 0)

    /** A valid write commits as usual. */
    await strictTransaction(async (trx) => {
      await FunnelStepFactory.client(trx)
        .merge({ workspaceId: workspace.id, funnelId: funnel.id, orderIndex: 0 })
        .create()
    })
    assert.lengthOf(await FunnelStep.query().where('funnel_id', funnel.id), 1)
  })
})
