import { test } from '@japa/runner'
import { freshDatabase } from '#tests/helpers/database'
import { apiToken, createTenant } from '#tests/helpers/tenants'
import FunnelStep from '#models/funnel_step'
import { funnelWithSteps, stepOrder } from './helpers.js'
import { route } from '#tests/helpers/routes'

/** A deterministic shuffle (seeded), so a failure can be replayed. */
function permutation<T>(items: T[], seed: number) {
  const copy = [...items]
  let state = seed
  for (let i = copy.length - 1; i > 0; i--) {
    state = (state * 1103515245 + 12345) % 2 ** 31
    const j = state % (i + 1)
    ;[copy[i], copy[j]] = [copy[j], copy[i]]
  }
  return copy
}

test.group('API steps: reorder', (group) => {
  freshDatabase(group)

  test('puts the steps in the given order, dense 0..n-1, and bumps their versions', async ({
    client,
    assert,
  }) => {
    const { owner, workspace } = await createTenant()
    const { funnel, steps } = await funnelWithSteps(workspace)
    const ids = [steps[4].id, steps[0].id, steps[1].id, steps[2].id, steps[3].id]

    const response = await client
      .put(route('api.steps.reorder', { funnel_id: funnel.id }))
      .bearerToken(await apiToken(owner, workspace))
      .json({ ids })
    response.assertStatus(200)
    assert.deepEqual(
      response.body().data.map((step: any) => [step.id, step.orderIndex]),
      ids.map((id, index) => [id, index])
    )
    assert.deepEqual(
      await stepOrder(funnel),
      ids.map((id, orderIndex) => ({ id, orderIndex }))
    )
    const versions = await FunnelStep.query().where('funnel_id', funnel.id).select('version')
    assert.isTrue(versions.every((step) => step.version === 2))
  })

  test('the same order again changes nothing', async ({ client, assert }) => {
    const { owner, workspace } = await createTenant()
    const { funnel, steps } = await funnelWithSteps(workspace)
    const response = await client
      .put(route('api.steps.reorder', { funnel_id: funnel.id }))
      .bearerToken(await apiToken(owner, workspace))
      .json({ ids: steps.map((step) => step.id) })
    response.assertStatus(200)
    const versions = await FunnelStep.query().where('funnel_id', funnel.id).select('version')
    assert.isTrue(versions.every((step) => step.version === 1))
  })

  test('anything but exactly the funnel steps is a 422 and changes nothing', async ({
    client,
    assert,
  }) => {
    const { owner, workspace } = await createTenant()
    const token = await apiToken(owner, workspace)
    const { funnel, steps } = await funnelWithSteps(workspace)
    const sibling = await funnelWithSteps(workspace, ['capture'])
    const stranger = await createTenant()
    const foreign = await funnelWithSteps(stranger.workspace, ['capture'])
    const ids = steps.map((step) => step.id)

    const cases: Array<[unknown, string]> = [
      [ids.slice(1), 'step_order'],
      [[...ids, sibling.steps[0].id], 'step_order'],
      [[...ids.slice(1), sibling.steps[0].id], 'step_order'],
      [[...ids.slice(1), foreign.steps[0].id], 'step_order'],
      [[...ids.slice(1), 999999], 'step_order'],
      [[ids[0], ...ids.slice(0, 4)], 'distinct'],
      [[], 'step_order'],
      ['1,2,3', 'array'],
    ]
    for (const [payload, rule] of cases) {
      const response = await client
        .put(route('api.steps.reorder', { funnel_id: funnel.id }))
        .bearerToken(token)
        .json({ ids: payload })
      assert.equal(response.status(), 422, JSON.stringify(payload))
      assert.equal(response.body().errors[0].field, 'ids')
      assert.equal(response.body().errors[0].rule, rule, JSON.stringify(payload))
    }
    const missing = await client
      .put(route('api.steps.reorder', { funnel_id: funnel.id }))
      .bearerToken(token)
      .json({})
    missing.assertStatus(422)
    assert.deepEqual(
      await stepOrder(funnel),
      ids.map((id, orderIndex) => ({ id, orderIndex }))
    )
    const untouched = await FunnelStep.findOrFail(foreign.steps[0].id)
    assert.equal(untouched.orderIndex, 0)
  })

  test('/steps/reorder is its own route: /steps/:id only takes numbers', async ({ client }) => {
    const { owner, workspace } = await createTenant()
    const token = await apiToken(owner, workspace)
    const { funnel } = await funnelWithSteps(workspace)
    const notANumber = await client
      .put(`/api/funnels/${funnel.id}/steps/abc`)
      .bearerToken(token)
      .json({ name: 'X' })
    notANumber.assertStatus(404)
    const reorder = await client
      .put(route('api.steps.reorder', { funnel_id: funnel.id }))
      .bearerToken(token)
      .json({ name: 'X' })
    reorder.assertStatus(422)
  })

  test('20 concurrent reorders: the final order is one of them, whole and dense', async ({
    client,
    assert,
  }) => {
    const { owner, workspace } = await createTenant()
    const token = await apiToken(owner, workspace)
    const { funnel, steps } = await funnelWithSteps(workspace, [
      'capture',
      'vsl',
      'checkout',
      'upsell',
      'thankyou',
      'capture',
      'vsl',
    ])
    const ids = steps.map((step) => step.id)
    const orders = Array.from({ length: 20 }, (_, seed) => permutation(ids, seed + 1))

    const responses = await Promise.all(
      orders.map((order) =>
        client
          .put(route('api.steps.reorder', { funnel_id: funnel.id }))
          .bearerToken(token)
          .json({ ids: order })
      )
    )
    assert.deepEqual(
      responses.map((response) => response.status()),
      orders.map(() => 200)
    )

    const final = await stepOrder(funnel)
    assert.deepEqual(
      final.map((row) => row.orderIndex),
      ids.map((_, index) => index)
    )
    const finalIds = JSON.stringify(final.map((row) => row.id))
    assert.isTrue(
      orders.some((order) => JSON.stringify(order) === finalIds),
      'the final order is one of the submitted permutations'
    )
    /** Each answer shows a whole permutation too: no reorder saw another half done. */
    for (const response of responses) {
      const answered = JSON.stringify(response.body().data.map((step: any) => step.id))
      assert.isTrue(orders.some((order) => JSON.stringify(order) === answered))
    }
  })

  test('concurrent appends keep the order dense', async ({ client, assert }) => {
    const { owner, workspace } = await createTenant()
    const token = await apiToken(owner, workspace)
    const { funnel, steps } = await funnelWithSteps(workspace, ['capture', 'vsl', 'checkout'])

    const creates = Array.from({ length: 8 }, (_, index) =>
      client
        .post(route('api.steps.store', { funnel_id: funnel.id }))
        .bearerToken(token)
        .json({ name: `Extra ${index}`, stepType: 'thankyou' })
    )
    const responses = await Promise.all(creates)
    assert.deepEqual(
      responses.map((response) => response.status()),
      creates.map(() => 201)
    )
    const order = await stepOrder(funnel)
    assert.deepEqual(
      order.map((row) => row.orderIndex),
      order.map((_, index) => index)
    )
    assert.lengthOf(order, 11)
    assert.deepEqual(
      order.slice(0, 3).map((row) => row.id),
      steps.map((step) => step.id)
    )
  })

  test('a reorder racing a deletion leaves a dense order either way', async ({
    client,
    assert,
  }) => {
    const { owner, workspace } = await createTenant()
    const token = await apiToken(owner, workspace)
    for (let round = 0; round < 5; round++) {
      const { funnel, steps } = await funnelWithSteps(workspace)
      const ids = permutation(
        steps.map((step) => step.id),
        round + 7
      )
      const [reorder, removal] = await Promise.all([
        client
          .put(route('api.steps.reorder', { funnel_id: funnel.id }))
          .bearerToken(token)
          .json({ ids }),
        client
          .delete(route('api.steps.destroy', { funnel_id: funnel.id, id: steps[1].id }))
          .bearerToken(token),
      ])
      removal.assertStatus(204)
      assert.include([200, 422], reorder.status())
      const order = await stepOrder(funnel)
      assert.deepEqual(
        order.map((row) => row.orderIndex),
        [0, 1, 2, 3]
      )
      if (reorder.status() === 200) {
        assert.deepEqual(
          order.map((row) => row.id),
          ids.filter((id) => id !== steps[1].id)
        )
      }
    }
  })
})
