import { test } from '@japa/runner'
import PostbackDelivery from '#models/postback_delivery'
import RedeliverPostback from '#actions/postbacks/redeliver_postback'
import { PostbackDeliveryFactory } from '#database/factories/postback_delivery_factory'
import { freshDatabase } from '#tests/helpers/database'
import { createTenant } from '#tests/helpers/tenants'
import { emptyQueues } from '#tests/functional/payments/helpers'
import queue from '#services/queue'

test.group('Postbacks: reenviar', (group) => {
  freshDatabase(group)
  group.each.setup(() => emptyQueues())

  test('a dead delivery goes back to pending with a new job; a succeeded one is refused', async ({
    assert,
  }) => {
    const { workspace } = await createTenant()
    const dead = await PostbackDeliveryFactory.merge({
      workspaceId: workspace.id,
      status: 'dead',
      attempts: 3,
      dedupeKey: 'utmify:1:paid',
    }).create()
    const done = await PostbackDeliveryFactory.merge({
      workspaceId: workspace.id,
      status: 'succeeded',
      dedupeKey: 'utmify:1:pending',
    }).create()

    await RedeliverPostback.handle({ workspace, deliveryId: dead.id })
    await dead.refresh()
    assert.equal(dead.status, 'pending')
    assert.equal(dead.attempts, 3)
    const jobs = await queue.queue('postbacks').getJobs(['waiting', 'delayed'])
    assert.deepEqual(
      jobs.map((job) => [job.name, job.data.deliveryId]),
      [['deliver_postback', dead.id]]
    )

    await assert.rejects(() => RedeliverPostback.handle({ workspace, deliveryId: done.id }))
    await done.refresh()
    assert.equal(done.status, 'succeeded')

    /** Another workspace's id is not found. */
    const other = await createTenant()
    await assert.rejects(() =>
      RedeliverPostback.handle({ workspace: other.workspace, deliveryId: dead.id })
    )
    assert.equal((await PostbackDelivery.findOrFail(dead.id)).workspaceId, workspace.id)
  })
})
