import { test } from '@japa/runner'
import PostbackDelivery from '#models/postback_delivery'
import queue from '#services/queue'
import { freshDatabase } from '#tests/helpers/database'
import { asInertia } from '#tests/helpers/inertia'
import { createTenant, workspaceMember } from '#tests/helpers/tenants'
import { aPayment, emptyQueues } from '#tests/functional/payments/helpers'
import { queriesDuring } from '#tests/functional/funnels/helpers'
import { aDelivery, deliveryLog } from './fixtures.js'
import { route } from '#tests/helpers/routes'

/** The `deliver_postback` jobs waiting in the postbacks queue: [name, deliveryId]. */
async function deliveryJobs() {
  const jobs = await queue.queue('postbacks').getJobs(['waiting', 'delayed'])
  return jobs.map((job) => [job.name, job.data.deliveryId])
}

function idsOf(props: any) {
  return props.deliveries.data.map((delivery: any) => delivery.id)
}

test.group('Admin deliveries: the "Entregas" page', (group) => {
  freshDatabase(group)
  group.each.setup(() => emptyQueues())

  test('list with totals, queues, filter options; filters from the query string', async ({
    client,
    assert,
  }) => {
    const { owner, workspace } = await createTenant()
    const { ids, crm, erp } = await deliveryLog(workspace)
    const [d1, d2, d3, d4, d5, d6, d7] = ids
    await aDelivery((await createTenant()).workspace, { status: 'dead', event: 'Foreign' })
    /** A job waiting in the payments queue shows in the queues' state. */
    await queue.dispatch('expire_payment', { workspaceId: workspace.id, paymentId: 1 })

    const base = route('w.deliveries.index', { workspaceSlug: workspace.slug })
    const all = await asInertia(client.get(base).loginAs(owner))
    all.assertStatus(200)
    assert.equal(all.body().component, 'deliveries/index')
    const props = all.body().props
    assert.deepEqual(idsOf(props), [d7, d6, d5, d4, d3, d2, d1])
    assert.deepEqual(props.totals, { pending: 1, succeeded: 2, failed: 2, dead: 2 })
    assert.deepEqual(props.options, {
      endpoints: [
        { id: crm.id, name: 'CRM' },
        { id: erp.id, name: 'ERP' },
      ],
      events: ['CompletePayment', 'Purchase', 'order.paid', 'payment.paid', 'purchase'],
    })
    assert.deepEqual(
      props.queues.map((q: any) => q.name),
      ['payments', 'webhooks', 'postbacks', 'tracking', 'mail', 'exports']
    )
    assert.containSubset(props.queues[0], { name: 'payments', waiting: 1, active: 0, failed: 0 })
    assert.deepEqual(props.deliveries.data[3].webhookEndpoint, { id: crm.id, name: 'CRM' })
    assert.isNull(props.selected)

    const crmOnly = await asInertia(
      client.get(`${base}?target=custom&webhookEndpointId=${crm.id}`).loginAs(owner)
    )
    assert.deepEqual(idsOf(crmOnly.body().props), [d4])
    assert.deepEqual(crmOnly.body().props.totals, { pending: 0, succeeded: 0, failed: 0, dead: 1 })

    const tenth = await asInertia(
      client.get(`${base}?status=failed&from=2026-01-10&to=2026-01-10`).loginAs(owner)
    )
    assert.deepEqual(idsOf(tenth.body().props), [d2])
    assert.deepEqual(tenth.body().props.totals, { pending: 0, succeeded: 1, failed: 1, dead: 0 })
    assert.deepEqual(tenth.body().props.filters, {
      status: 'failed',
      target: null,
      event: null,
      paymentId: null,
      webhookEndpointId: null,
      from: '2026-01-10',
      to: '2026-01-10',
    })

    /** A bad filter is ignored on the page rather than an error. */
    const bad = await asInertia(client.get(`${base}?status=lost&page=x`).loginAs(owner))
    bad.assertStatus(200)
    assert.lengthOf(bad.body().props.deliveries.data, 7)
  })

  test('paginates 25 a page', async ({ client, assert }) => {
    const { owner, workspace } = await createTenant()
    for (let index = 0; index < 27; index++) await aDelivery(workspace)
    const base = route('w.deliveries.index', { workspaceSlug: workspace.slug })
    const first = await asInertia(client.get(base).loginAs(owner))
    assert.deepEqual(first.body().props.deliveries.meta, {
      total: 27,
      perPage: 25,
      currentPage: 1,
      lastPage: 2,
    })
    const second = await asInertia(client.get(`${base}?page=2`).loginAs(owner))
    assert.lengthOf(second.body().props.deliveries.data, 2)
  })

  test('the detail opens the sheet; a partial reload computes it alone', async ({
    client,
    assert,
  }) => {
    const { owner, workspace } = await createTenant()
    const { rows, paymentA } = await deliveryLog(workspace)
    const url = route(
      'w.deliveries.show',
      { workspaceSlug: workspace.slug, id: rows[1].id },
      { qs: { status: 'failed' } }
    )

    const full = await asInertia(client.get(url).loginAs(owner))
    full.assertStatus(200)
    assert.equal(full.body().component, 'deliveries/index')
    assert.containSubset(full.body().props.selected, {
      id: Number(rows[1].id),
      target: 'meta',
      status: 'failed',
      responseStatus: 500,
      responseExcerpt: '{"error":"temporarily unavailable"}',
      lastError: 'HTTP 500',
      request: {},
    })
    assert.lengthOf(full.body().props.deliveries.data, 2)

    const first = await asInertia(
      client
        .get(route('w.deliveries.show', { workspaceSlug: workspace.slug, id: rows[0].id }))
        .header('x-inertia-partial-component', 'deliveries/index')
        .header('x-inertia-partial-data', 'selected')
        .loginAs(owner)
    )
    first.assertStatus(200)
    const props = first.body().props
    assert.deepEqual(props.selected.request, {
      body: { orderId: `A-${paymentA.id}`, status: 'paid' },
    })
    for (const lazy of ['deliveries', 'totals', 'queues', 'chart', 'options']) {
      assert.notProperty(props, lazy)
    }
  })

  test('"Reenviar" puts a dead delivery back to pending with a job and says so', async ({
    client,
    assert,
  }) => {
    const { owner, workspace } = await createTenant()
    const { rows } = await deliveryLog(workspace)
    const dead = rows[2]
    const page = route('w.deliveries.index', { workspaceSlug: workspace.slug })

    const response = await client
      .post(`${page}/${dead.id}/redeliver`)
      .header('referer', page)
      .withCsrfToken()
      .loginAs(owner)
      .redirects(0)
    response.assertStatus(302)
    response.assertHeader('location', page)
    response.assertFlashMessage(
      'success',
      'Entrega colocada de volta na fila. Ela será enviada em instantes.'
    )
    await dead.refresh()
    assert.equal(dead.status, 'pending')
    assert.deepEqual(await deliveryJobs(), [['deliver_postback', Number(dead.id)]])

    const succeeded = rows[0]
    const refused = await client
      .post(`${page}/${succeeded.id}/redeliver`)
      .withCsrfToken()
      .loginAs(owner)
      .redirects(0)
    refused.assertStatus(302)
    refused.assertFlashMessage('error', 'Esta entrega já foi concluída e não será reenviada')
    await succeeded.refresh()
    assert.equal(succeeded.status, 'succeeded')
    assert.lengthOf(await deliveryJobs(), 1)
  })

  test("another workspace's delivery is a 404 on every :id route; a viewer cannot redeliver", async ({
    client,
    assert,
  }) => {
    const { owner, workspace } = await createTenant()
    const other = await createTenant()
    const foreign = await aDelivery(other.workspace, { status: 'dead' })
    const base = route('w.deliveries.index', { workspaceSlug: workspace.slug })

    ;(await asInertia(client.get(`${base}/${foreign.id}`).loginAs(owner))).assertStatus(404)
    const redeliver = await client
      .post(`${base}/${foreign.id}/redeliver`)
      .withCsrfToken()
      .loginAs(owner)
      .redirects(0)
    redeliver.assertStatus(404)
    ;(await asInertia(client.get(`${base}/99999999999999999999999`).loginAs(owner))).assertStatus(
      404
    )
    /** Nor through the other workspace's slug. */
    ;(
      await asInertia(
        client
          .get(route('w.deliveries.index', { workspaceSlug: other.workspace.slug }))
          .loginAs(owner)
      )
    ).assertStatus(404)
    assert.equal((await PostbackDelivery.findOrFail(foreign.id)).status, 'dead')

    const own = await aDelivery(workspace, { status: 'dead' })
    const viewer = await workspaceMember(workspace, 'viewer')
    const viewerPage = await asInertia(client.get(base).loginAs(viewer))
    viewerPage.assertStatus(200)
    /** The workers' queues are the platform's: only the workspace's owners and admins see them. */
    assert.isNull(viewerPage.body().props.queues)
    const editor = await workspaceMember(workspace, 'editor')
    assert.isNull((await asInertia(client.get(base).loginAs(editor))).body().props.queues)
    ;(await asInertia(client.get(`${base}/${own.id}`).loginAs(viewer))).assertStatus(200)
    const forbidden = await client
      .post(`${base}/${own.id}/redeliver`)
      .withCsrfToken()
      .loginAs(viewer)
      .redirects(0)
    forbidden.assertStatus(403)
    assert.equal((await PostbackDelivery.findOrFail(own.id)).status, 'dead')
    assert.lengthOf(await deliveryJobs(), 0)
  })

  test('the number of queries does not grow with the rows', async ({ client, assert }) => {
    const { owner, workspace } = await createTenant()
    await deliveryLog(workspace)
    const count = async () => {
      const statements = await queriesDuring(() =>
        asInertia(
          client.get(route('w.deliveries.index', { workspaceSlug: workspace.slug })).loginAs(owner)
        )
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

test.group('Admin deliveries: on the payment page', (group) => {
  freshDatabase(group)
  group.each.setup(() => emptyQueues())

  test("the payment page lists that payment's deliveries, not others'", async ({
    client,
    assert,
  }) => {
    const { owner, workspace } = await createTenant()
    const { ids, paymentA, crm } = await deliveryLog(workspace)
    const other = await createTenant()
    await aDelivery(other.workspace, {
      paymentId: (await aPayment(other.workspace)).id,
      status: 'dead',
    })

    const response = await asInertia(
      client
        .get(route('w.payments.show', { workspaceSlug: workspace.slug, id: paymentA.id }))
        .loginAs(owner)
    )
    response.assertStatus(200)
    const deliveries = response.body().props.deliveries
    assert.deepEqual(
      deliveries.map((delivery: any) => delivery.id),
      ids.slice(0, 4)
    )
    assert.containSubset(deliveries[1], {
      target: 'meta',
      status: 'failed',
      attempts: 2,
      responseStatus: 500,
      responseExcerpt: '{"error":"temporarily unavailable"}',
    })
    assert.deepEqual(deliveries[3].webhookEndpoint, { id: crm.id, name: 'CRM' })
    assert.notProperty(deliveries[0], 'request')

    /** "Reenviar" from the payment page comes back to it. */
    const page = route('w.payments.show', { workspaceSlug: workspace.slug, id: paymentA.id })
    const redeliver = await client
      .post(route('w.deliveries.redeliver', { workspaceSlug: workspace.slug, id: ids[3] }))
      .header('referer', page)
      .withCsrfToken()
      .loginAs(owner)
      .redirects(0)
    redeliver.assertHeader('location', page)
    assert.deepEqual(await deliveryJobs(), [['deliver_postback', ids[3]]])
  })

  test("the payment page's queries do not grow with its deliveries", async ({ client, assert }) => {
    const { owner, workspace } = await createTenant()
    const payment = await aPayment(workspace, { status: 'paid' })
    await aDelivery(workspace, { paymentId: payment.id })
    const count = async () =>
      (
        await queriesDuring(() =>
          asInertia(
            client
              .get(route('w.payments.show', { workspaceSlug: workspace.slug, id: payment.id }))
              .loginAs(owner)
          )
        )
      ).length
    const one = await count()
    for (let index = 0; index < 5; index++) {
      await aDelivery(workspace, { paymentId: payment.id, target: 'meta', event: 'Purchase' })
    }
    assert.equal(await count(), one)
  })
})
