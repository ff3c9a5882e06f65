import { test } from '@japa/runner'
import PostbackDelivery from '#models/postback_delivery'
import queue from '#services/queue'
import { freshDatabase } from '#tests/helpers/database'
import { apiToken, createTenant, workspaceMember } from '#tests/helpers/tenants'
import { WebhookEndpointFactory } from '#database/factories/webhook_endpoint_factory'
import { emptyQueues } from '#tests/functional/payments/helpers'
import { queriesDuring } from '#tests/functional/funnels/helpers'
import { aDelivery, deliveryLog } from './fixtures.js'
import { route } from '#tests/helpers/routes'

/** The ids of a list answer, in order. */
function idsOf(body: any) {
  return body.data.map((delivery: any) => delivery.id)
}

/** The `deliver_postback` jobs waiting in the postbacks queue: [name, deliveryId]. */
async function deliveryJobs() {
  const jobs = await queue.queue('postbacks').getJobs(['waiting', 'delayed'])
  return jobs.map((job) => [job.name, job.data.deliveryId])
}

test.group('API deliveries: list, filters, totals', (group) => {
  freshDatabase(group)

  test('newest first with totals per status; every filter is exact', async ({ client, assert }) => {
    const { owner, workspace } = await createTenant()
    const token = await apiToken(owner, workspace)
    const { ids, paymentA, crm } = await deliveryLog(workspace)
    const [d1, d2, d3, d4, d5, d6, d7] = ids
    const other = await createTenant()
    const foreignEndpoint = await WebhookEndpointFactory.merge({
      workspaceId: other.workspace.id,
    }).create()
    await aDelivery(other.workspace, {
      status: 'dead',
      target: 'custom',
      event: 'payment.paid',
      webhookEndpointId: foreignEndpoint.id,
    })

    const list = (qs: Record<string, unknown> = {}) =>
      client.get(route('api.deliveries.index')).bearerToken(token).qs(qs)

    const all = await list()
    all.assertStatus(200)
    assert.deepEqual(idsOf(all.body()), [d7, d6, d5, d4, d3, d2, d1])
    assert.deepEqual(all.body().totals, { pending: 1, succeeded: 2, failed: 2, dead: 2 })
    assert.deepEqual(all.body().meta, { total: 7, perPage: 25, currentPage: 1, lastPage: 1 })
    assert.containSubset(all.body().data[3], {
      id: d4,
      target: 'custom',
      event: 'payment.paid',
      paymentId: paymentA.id,
      webhookEndpoint: { id: crm.id, name: 'CRM' },
      status: 'dead',
      attempts: 12,
      lastError: 'timeout',
    })
    /** The list leaves the request body to the detail. */
    assert.notProperty(all.body().data[0], 'request')

    /** The status filters the rows; the totals keep every status over the other filters. */
    const dead = await list({ status: 'dead' })
    assert.deepEqual(idsOf(dead.body()), [d4, d3])
    assert.deepEqual(dead.body().totals, { pending: 1, succeeded: 2, failed: 2, dead: 2 })

    const utmify = await list({ target: 'utmify' })
    assert.deepEqual(idsOf(utmify.body()), [d7, d1])
    assert.deepEqual(utmify.body().totals, { pending: 0, succeeded: 1, failed: 1, dead: 0 })

    const paid = await list({ event: 'payment.paid' })
    assert.deepEqual(idsOf(paid.body()), [d5, d4])
    assert.deepEqual(paid.body().totals, { pending: 1, succeeded: 0, failed: 0, dead: 1 })

    const ofPayment = await list({ paymentId: paymentA.id })
    assert.deepEqual(idsOf(ofPayment.body()), [d4, d3, d2, d1])
    assert.deepEqual(ofPayment.body().totals, { pending: 0, succeeded: 1, failed: 1, dead: 2 })

    const ofEndpoint = await list({ webhookEndpointId: crm.id })
    assert.deepEqual(idsOf(ofEndpoint.body()), [d4])
    assert.deepEqual(ofEndpoint.body().totals, { pending: 0, succeeded: 0, failed: 0, dead: 1 })

    /** Local days: 23:30 on the 10th in São Paulo is the 10th, 00:30 on the 11th is not. */
    const tenth = await list({ from: '2026-01-10', to: '2026-01-10' })
    assert.deepEqual(idsOf(tenth.body()), [d2, d1])
    assert.deepEqual(tenth.body().totals, { pending: 0, succeeded: 1, failed: 1, dead: 0 })
    const fromEleventh = await list({ from: '2026-01-11' })
    assert.deepEqual(idsOf(fromEleventh.body()), [d7, d6, d5, d4, d3])
    const untilEleventh = await list({ to: '2026-01-11' })
    assert.deepEqual(idsOf(untilEleventh.body()), [d3, d2, d1])

    const combined = await list({ target: 'custom', status: 'pending' })
    assert.deepEqual(idsOf(combined.body()), [d5])
    assert.deepEqual(combined.body().totals, { pending: 1, succeeded: 0, failed: 0, dead: 1 })

    /** Another workspace's rows are never counted; its endpoint id finds nothing here. */
    const elsewhere = await list({ webhookEndpointId: foreignEndpoint.id })
    assert.deepEqual(idsOf(elsewhere.body()), [])
    assert.deepEqual(elsewhere.body().totals, { pending: 0, succeeded: 0, failed: 0, dead: 0 })
  })

  test('paginates', async ({ client, assert }) => {
    const { owner, workspace } = await createTenant()
    const token = await apiToken(owner, workspace)
    const { ids } = await deliveryLog(workspace)
    const first = await client
      .get(route('api.deliveries.index'))
      .bearerToken(token)
      .qs({ perPage: 3 })
    assert.deepEqual(first.body().meta, { total: 7, perPage: 3, currentPage: 1, lastPage: 3 })
    assert.deepEqual(idsOf(first.body()), [ids[6], ids[5], ids[4]])
    const second = await client
      .get(route('api.deliveries.index'))
      .bearerToken(token)
      .qs({ perPage: 3, page: 2 })
    assert.deepEqual(idsOf(second.body()), [ids[3], ids[2], ids[1]])
    const last = await client
      .get(route('api.deliveries.index'))
      .bearerToken(token)
      .qs({ perPage: 3, page: 3 })
    assert.deepEqual(idsOf(last.body()), [ids[0]])
    /** Totals cover every page. */
    assert.deepEqual(last.body().totals, { pending: 1, succeeded: 2, failed: 2, dead: 2 })
  })

  test('bad filters are 422 with the field', async ({ client, assert }) => {
    const { owner, workspace } = await createTenant()
    const token = await apiToken(owner, workspace)
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ status: 'lost' }, 'status'],
      [{ target: 'myspace' }, 'target'],
      [{ paymentId: 'abc' }, 'paymentId'],
      [{ paymentId: '99999999999' }, 'paymentId'],
      [{ webhookEndpointId: '-1' }, 'webhookEndpointId'],
      [{ from: '10/01/2026' }, 'from'],
      [{ from: '2026-01-10', to: '2026-01-09' }, 'to'],
      [{ perPage: 500 }, 'perPage'],
    ]
    for (const [qs, field] of cases) {
      const response = await client.get(route('api.deliveries.index')).bearerToken(token).qs(qs)
      response.assertStatus(422)
      assert.equal(response.body().errors[0].field, field, JSON.stringify(qs))
    }
  })

  test('the number of queries does not grow with the rows', async ({ client, assert }) => {
    const { owner, workspace } = await createTenant()
    const token = await apiToken(owner, workspace)
    await deliveryLog(workspace)
    const count = async () => {
      const statements = await queriesDuring(() =>
        client.get(route('api.deliveries.index')).bearerToken(token).qs({ perPage: 100 })
      )
      assert.isTrue(statements.some((sql) => sql.includes('"postback_deliveries"')))
      return statements.length
    }
    const few = await count()
    await deliveryLog(workspace)
    await deliveryLog(workspace)
    const many = await count()
    assert.equal(many, few)
  })
})

test.group('API deliveries: detail and redeliver', (group) => {
  freshDatabase(group)
  group.each.setup(() => emptyQueues())

  test('the detail has the full request body and the answer excerpt', async ({
    client,
    assert,
  }) => {
    const { owner, workspace } = await createTenant()
    const token = await apiToken(owner, workspace)
    const { rows, paymentA } = await deliveryLog(workspace)
    const response = await client
      .get(route('api.deliveries.show', { id: rows[0].id }))
      .bearerToken(token)
    response.assertStatus(200)
    assert.containSubset(response.body().delivery, {
      id: Number(rows[0].id),
      target: 'utmify',
      status: 'succeeded',
      responseStatus: 200,
      responseExcerpt: '{"OK":true}',
      durationMs: 120,
      webhookEndpoint: null,
    })
    assert.deepEqual(response.body().delivery.request, {
      body: { orderId: `A-${paymentA.id}`, status: 'paid' },
    })
    assert.isString(response.body().delivery.deliveredAt)
  })

  test('redeliver puts a dead delivery back to pending with a job; a succeeded one is 409', async ({
    client,
    assert,
  }) => {
    const { owner, workspace } = await createTenant()
    const token = await apiToken(owner, workspace)
    const { rows } = await deliveryLog(workspace)
    const dead = rows[3]

    const response = await client
      .post(route('api.deliveries.redeliver', { id: dead.id }))
      .bearerToken(token)
    response.assertStatus(202)
    assert.containSubset(response.body().delivery, {
      id: Number(dead.id),
      status: 'pending',
      attempts: 12,
      nextAttemptAt: null,
      webhookEndpoint: { name: 'CRM' },
    })
    await dead.refresh()
    assert.equal(dead.status, 'pending')
    assert.deepEqual(await deliveryJobs(), [['deliver_postback', Number(dead.id)]])

    const succeeded = rows[0]
    const refused = await client
      .post(route('api.deliveries.redeliver', { id: succeeded.id }))
      .bearerToken(token)
    refused.assertStatus(409)
    assert.deepEqual(refused.body().errors, [
      {
        rule: 'already_delivered',
        message: 'Esta entrega já foi concluída e não será reenviada',
      },
    ])
    await succeeded.refresh()
    assert.equal(succeeded.status, 'succeeded')
    assert.lengthOf(await deliveryJobs(), 1)
  })

  test("another workspace's delivery is a 404 on every :id route", async ({ client, assert }) => {
    const { owner, workspace } = await createTenant()
    const token = await apiToken(owner, workspace)
    const other = await createTenant()
    const foreign = await aDelivery(other.workspace, { status: 'dead' })

    ;(
      await client.get(route('api.deliveries.show', { id: foreign.id })).bearerToken(token)
    ).assertStatus(404)
    const redeliver = await client
      .post(route('api.deliveries.redeliver', { id: foreign.id }))
      .bearerToken(token)
    redeliver.assertStatus(404)
    assert.equal(redeliver.body().errors[0].rule, 'not_found')
    /** An id no column can hold is a 404 too, not a database error. */
    ;(
      await client
        .get(route('api.deliveries.show', { id: '99999999999999999999999' }))
        .bearerToken(token)
    ).assertStatus(404)

    assert.equal((await PostbackDelivery.findOrFail(foreign.id)).status, 'dead')
    assert.lengthOf(await deliveryJobs(), 0)
  })

  test('a viewer reads the log but cannot redeliver (403)', async ({ client, assert }) => {
    const { workspace } = await createTenant()
    const viewer = await workspaceMember(workspace, 'viewer')
    const token = await apiToken(viewer, workspace)
    const dead = await aDelivery(workspace, { status: 'dead' })

    ;(await client.get(route('api.deliveries.index')).bearerToken(token)).assertStatus(200)
    ;(
      await client.get(route('api.deliveries.show', { id: dead.id })).bearerToken(token)
    ).assertStatus(200)
    const response = await client
      .post(route('api.deliveries.redeliver', { id: dead.id }))
      .bearerToken(token)
    response.assertStatus(403)
    assert.equal((await PostbackDelivery.findOrFail(dead.id)).status, 'dead')
    assert.lengthOf(await deliveryJobs(), 0)
  })
})
