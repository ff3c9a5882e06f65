import { test } from '@japa/runner'
import { Worker } from 'bullmq'
import db from '@adonisjs/lucid/services/db'
import queue from '#services/queue'
import RequeueLostDeliveries from '#actions/postbacks/requeue_lost_deliveries'
import { postbackSettings } from '#services/postbacks'
import { deliveryJobId } from '#queues/jobs'
import { freshDatabase } from '#tests/helpers/database'
import { createTenant } from '#tests/helpers/tenants'
import { emptyQueues } from '#tests/functional/payments/helpers'
import { aDelivery } from '#tests/functional/deliveries/fixtures'

/** Makes a row look due for `seconds` (its retry time, or its last change when it has none). */
async function dueSince(id: number, seconds: number, column = 'next_attempt_at') {
  const columns = column === 'updated_at' ? ['updated_at'] : [column, 'updated_at']
  await db.rawQuery(
    `UPDATE postback_deliveries
        SET ${columns.map((name) => `${name} = now() - make_interval(secs => ?)`).join(', ')}
      WHERE id = ?`,
    [...columns.map(() => seconds), id]
  )
}

test.group('Postbacks: lost delivery jobs are re-derived from PostgreSQL', (group) => {
  freshDatabase(group)
  group.each.setup(() => emptyQueues())

  test('a due delivery whose job Redis lost is queued again with the attempts it has left', async ({
    assert,
  }) => {
    const { workspace } = await createTenant()
    const failed = await aDelivery(workspace, { status: 'failed', attempts: 3 })
    const pending = await aDelivery(workspace, { status: 'pending', attempts: 0 })
    await dueSince(failed.id, 600)
    await dueSince(pending.id, 600, 'updated_at')

    const result = await RequeueLostDeliveries.handle()

    assert.deepEqual(result, { found: 2, requeued: 2 })
    const postbacks = queue.queue('postbacks')
    const failedJob = await postbacks.getJob(deliveryJobId(failed.id))
    assert.deepEqual(failedJob!.data, {
      workspaceId: workspace.id,
      deliveryId: failed.id,
      attemptsLeft: postbackSettings.attempts - 3,
    })
    assert.equal(failedJob!.opts.attempts, postbackSettings.attempts - 3)
    assert.equal((await postbacks.getJob(deliveryJobId(pending.id)))!.opts.attempts, 12)

    /** Idempotent: the jobs exist now, a second sweep adds nothing. */
    assert.deepEqual(await RequeueLostDeliveries.handle(), { found: 2, requeued: 0 })
    assert.equal(await postbacks.count(), 2)
  })

  test('deliveries with a live job, leased, final or not yet due are left alone', async ({
    assert,
  }) => {
    const { workspace } = await createTenant()
    const withJob = await aDelivery(workspace, { status: 'failed', attempts: 1 })
    await dueSince(withJob.id, 600)
    /** A live (delayed) job under the row's id, added raw: dispatch has no delay to give. */
    await queue
      .queue('postbacks')
      .add(
        'deliver_postback',
        { workspaceId: workspace.id, deliveryId: withJob.id },
        { jobId: deliveryJobId(withJob.id), delay: 60_000 }
      )
    const leased = await aDelivery(workspace, { status: 'pending' })
    await dueSince(leased.id, 600, 'updated_at')
    await db.rawQuery(
      `UPDATE postback_deliveries SET lease_token = gen_random_uuid(),
              lease_expires_at = now() + interval '1 minute' WHERE id = ?`,
      [leased.id]
    )
    const succeeded = await aDelivery(workspace, { status: 'succeeded' })
    await dueSince(succeeded.id, 600, 'updated_at')
    const dead = await aDelivery(workspace, { status: 'dead' })
    await dueSince(dead.id, 600, 'updated_at')
    /** Just planned: its job is being enqueued right now by RecordDeliveries. */
    await aDelivery(workspace, { status: 'pending' })

    assert.deepEqual(await RequeueLostDeliveries.handle(), { found: 1, requeued: 0 })
    assert.equal(await queue.queue('postbacks').count(), 1)
  })

  test('a delivery whose job ended without settling it gets its job back', async ({ assert }) => {
    const { workspace } = await createTenant()
    const delivery = await aDelivery(workspace, { status: 'failed', attempts: 2 })
    await dueSince(delivery.id, 600)
    await queue.dispatch('deliver_postback', {
      workspaceId: workspace.id,
      deliveryId: delivery.id,
      attemptsLeft: 1,
    })
    /** Its job failed for good (e.g. its last attempt met PostgreSQL down): the row stays `failed`. */
    const worker = new Worker('postbacks', null, {
      connection: queue.workerConnectionOptions(),
      prefix: queue.prefix,
    })
    const job = await worker.getNextJob('test-token')
    await job!.moveToFailed(new Error('PostgreSQL was away'), 'test-token', false)
    await worker.close()
    const postbacks = queue.queue('postbacks')
    assert.equal(await postbacks.getJobState(job!.id!), 'failed')

    assert.deepEqual(await RequeueLostDeliveries.handle(), { found: 1, requeued: 1 })
    const again = await postbacks.getJob(deliveryJobId(delivery.id))
    assert.equal(await again!.getState(), 'waiting')
    assert.equal(again!.opts.attempts, postbackSettings.attempts - 2)
  })
})
