import { test } from '@japa/runner'
import { freshDatabase } from '#tests/helpers/database'
import { agencyMember, apiToken, createTenant } from '#tests/helpers/tenants'
import { funnelWithSteps, VALID_CONTENT } from '#tests/functional/funnels/helpers'
import { CheckoutConfigFactory } from '#database/factories/checkout_config_factory'
import FunnelStep from '#models/funnel_step'
import CheckoutConfig from '#models/checkout_config'
import SplitTestVariant from '#models/split_test_variant'
import { route } from '#tests/helpers/routes'

async function setup() {
  const tenant = await createTenant()
  const token = await apiToken(tenant.owner, tenant.workspace)
  const built = await funnelWithSteps(tenant.workspace, ['capture', 'checkout', 'thankyou'])
  return { ...tenant, ...built, token }
}

test.group('API split tests: start, weights, variants, winner', (group) => {
  freshDatabase(group)

  test('starts a test on a step: control is the step, B a copy of it', async ({
    client,
    assert,
  }) => {
    const { funnel, steps, token } = await setup()
    const response = await client
      .post(route('api.split_tests.store', { funnel_id: funnel.id, step_id: steps[0].id }))
      .bearerToken(token)
      .json({})
    response.assertStatus(201)
    const created = response.body().splitTest
    assert.equal(created.status, 'running')
    assert.equal(created.stepId, steps[0].id)
    assert.deepEqual(
      created.variants.map((v: any) => [v.name, v.weight, v.isControl, v.status]),
      [
        ['Controle (A)', 50, true, 'active'],
        ['Variante B', 50, false, 'active'],
      ]
    )
    assert.isNull(created.variants[0].content)
    assert.deepEqual(created.variants[1].content, VALID_CONTENT.capture)

    /** One running test per step. */
    const again = await client
      .post(route('api.split_tests.store', { funnel_id: funnel.id, step_id: steps[0].id }))
      .bearerToken(token)
      .json({})
    again.assertStatus(409)
    assert.match(again.body().errors[0].message, /já tem um teste A\/B em andamento/)

    const list = await client
      .get(route('api.split_tests.list', { funnel_id: funnel.id }))
      .bearerToken(token)
    list.assertStatus(200)
    assert.deepEqual(
      list.body().data.map((t: any) => t.id),
      [created.id]
    )
  })

  test('the OpenAPI document describes every split-test route', async ({ client, assert }) => {
    const document = (await client.get(route('api.openapi'))).body()
    for (const [path, method] of [
      ['/api/funnels/{funnel_id}/split-tests', 'get'],
      ['/api/funnels/{funnel_id}/steps/{step_id}/split-tests', 'post'],
      ['/api/split-tests/{id}', 'get'],
      ['/api/split-tests/{id}', 'put'],
      ['/api/split-tests/{id}/variants/{variant_id}', 'put'],
      ['/api/split-tests/{id}/winner', 'post'],
    ]) {
      assert.isObject(document.paths[path]?.[method], `${method} ${path}`)
    }
    assert.match(document.paths['/api/split-tests/{id}'].get.summary, /P\(beats control\)/)
  })

  test('a checkout challenger starts with a copy of the checkout configuration', async ({
    client,
    assert,
  }) => {
    const { funnel, steps, token, workspace } = await setup()
    await CheckoutConfigFactory.merge({
      workspaceId: workspace.id,
      funnelId: funnel.id,
      stepId: steps[1].id,
      productName: 'Curso',
      productPriceCents: 19700,
    }).create()
    const response = await client
      .post(route('api.split_tests.store', { funnel_id: funnel.id, step_id: steps[1].id }))
      .bearerToken(token)
      .json({
        name: 'Preço',
        variants: [
          { name: 'R$ 197', weight: 70 },
          { name: 'R$ 147', weight: 30 },
        ],
      })
    response.assertStatus(201)
    const [control, challenger] = response.body().splitTest.variants
    assert.isNull(control.checkoutConfig)
    assert.equal(challenger.checkoutConfig.productPriceCents, 19700)
    assert.equal(challenger.checkoutConfig.productName, 'Curso')

    const edited = await client
      .put(
        route('api.split_tests.variants.update', {
          id: response.body().splitTest.id,
          variant_id: challenger.id,
        })
      )
      .bearerToken(token)
      .json({ checkout_config: { product_name: 'Curso', product_price_cents: 14700 } })
    edited.assertStatus(200)
    assert.equal(edited.body().variant.checkoutConfig.productPriceCents, 14700)
    assert.equal(edited.body().variant.version, 2)
  })

  test('bad input is a 422 with pt-BR field errors, never a 500', async ({ client, assert }) => {
    const { funnel, steps, token } = await setup()
    const zero = await client
      .post(route('api.split_tests.store', { funnel_id: funnel.id, step_id: steps[0].id }))
      .bearerToken(token)
      .json({
        variants: [
          { name: 'A', weight: 0 },
          { name: 'B', weight: 0 },
        ],
      })
    zero.assertStatus(422)
    assert.equal(zero.body().errors[0].field, 'variants')
    assert.match(zero.body().errors[0].message, /peso maior que zero/)

    const tooHeavy = await client
      .post(route('api.split_tests.store', { funnel_id: funnel.id, step_id: steps[0].id }))
      .bearerToken(token)
      .json({
        variants: [
          { name: 'A', weight: 101 },
          { name: 'B', weight: 'x' },
        ],
      })
    tooHeavy.assertStatus(422)
    assert.includeMembers(
      tooHeavy.body().errors.map((e: any) => e.field),
      ['variants.0.weight', 'variants.1.weight']
    )

    const created = await client
      .post(route('api.split_tests.store', { funnel_id: funnel.id, step_id: steps[0].id }))
      .bearerToken(token)
      .json({})
    const { id, variants } = created.body().splitTest
    const badContent = await client
      .put(route('api.split_tests.variants.update', { id, variant_id: variants[1].id }))
      .bearerToken(token)
      .json({ content: { headline: '', fields: [] } })
    badContent.assertStatus(422)
    assert.includeMembers(
      badContent.body().errors.map((e: any) => e.field),
      ['content.headline', 'content.fields']
    )
    const controlContent = await client
      .put(route('api.split_tests.variants.update', { id, variant_id: variants[0].id }))
      .bearerToken(token)
      .json({ content: VALID_CONTENT.capture })
    controlContent.assertStatus(422)
    assert.equal(controlContent.body().errors[0].rule, 'control_is_step')
    const checkoutOnCapture = await client
      .put(route('api.split_tests.variants.update', { id, variant_id: variants[1].id }))
      .bearerToken(token)
      .json({ checkoutConfig: { productName: 'X', productPriceCents: 1000 } })
    checkoutOnCapture.assertStatus(422)
    assert.equal(checkoutOnCapture.body().errors[0].field, 'checkoutConfig')

    const allZero = await client
      .put(route('api.split_tests.update', { id }))
      .bearerToken(token)
      .json({ variants: variants.map((v: any) => ({ id: v.id, weight: 0 })) })
    allZero.assertStatus(422)
    const unknown = await client
      .put(route('api.split_tests.update', { id }))
      .bearerToken(token)
      .json({ variants: [{ id: 999999, weight: 10 }] })
    unknown.assertStatus(422)
    assert.equal(unknown.body().errors[0].field, 'variants.0.id')
  })

  test('weights and names change; declaring B the winner makes B the step', async ({
    client,
    assert,
  }) => {
    const { funnel, steps, token } = await setup()
    const created = await client
      .post(route('api.split_tests.store', { funnel_id: funnel.id, step_id: steps[0].id }))
      .bearerToken(token)
      .json({})
    const { id, variants } = created.body().splitTest
    const weights = await client
      .put(route('api.split_tests.update', { id }))
      .bearerToken(token)
      .json({
        name: 'Headline',
        variants: [
          { id: variants[0].id, weight: 20 },
          { id: variants[1].id, weight: 80, name: 'Headline nova' },
        ],
      })
    weights.assertStatus(200)
    assert.equal(weights.body().splitTest.name, 'Headline')
    assert.deepEqual(
      weights.body().splitTest.variants.map((v: any) => [v.name, v.weight]),
      [
        ['Controle (A)', 20],
        ['Headline nova', 80],
      ]
    )

    const newContent = { ...VALID_CONTENT.capture, headline: 'Aprenda em 30 dias' }
    ;(
      await client
        .put(route('api.split_tests.variants.update', { id, variant_id: variants[1].id }))
        .bearerToken(token)
        .json({ content: newContent })
    ).assertStatus(200)

    const before = await FunnelStep.findOrFail(steps[0].id)
    const winner = await client
      .post(route('api.split_tests.winner', { id }))
      .bearerToken(token)
      .json({ variant_id: variants[1].id })
    winner.assertStatus(200)
    assert.equal(winner.body().splitTest.status, 'finished')
    assert.equal(winner.body().splitTest.winnerVariantId, variants[1].id)
    assert.deepEqual(
      winner.body().splitTest.variants.map((v: any) => v.status),
      ['archived', 'winner']
    )
    const after = await FunnelStep.findOrFail(steps[0].id)
    assert.equal(after.content.headline, 'Aprenda em 30 dias')
    assert.equal(after.version, before.version + 1)

    /** A finished test is history: no more changes, and the step can be tested again. */
    const late = await client
      .put(route('api.split_tests.update', { id }))
      .bearerToken(token)
      .json({ variants: [{ id: variants[0].id, weight: 50 }] })
    late.assertStatus(409)
    const twice = await client
      .post(route('api.split_tests.winner', { id }))
      .bearerToken(token)
      .json({ variantId: variants[0].id })
    twice.assertStatus(409)
    ;(
      await client
        .post(route('api.split_tests.store', { funnel_id: funnel.id, step_id: steps[0].id }))
        .bearerToken(token)
        .json({})
    ).assertStatus(201)
  })

  test('a checkout challenger winning replaces the checkout configuration', async ({
    client,
    assert,
  }) => {
    const { funnel, steps, token, workspace } = await setup()
    await CheckoutConfigFactory.merge({
      workspaceId: workspace.id,
      funnelId: funnel.id,
      stepId: steps[1].id,
      productName: 'Curso',
      productPriceCents: 19700,
    }).create()
    const created = await client
      .post(route('api.split_tests.store', { funnel_id: funnel.id, step_id: steps[1].id }))
      .bearerToken(token)
      .json({})
    const { id, variants } = created.body().splitTest
    await client
      .put(route('api.split_tests.variants.update', { id, variant_id: variants[1].id }))
      .bearerToken(token)
      .json({ checkoutConfig: { productName: 'Curso completo', productPriceCents: 14700 } })
    ;(
      await client
        .post(route('api.split_tests.winner', { id }))
        .bearerToken(token)
        .json({ variantId: variants[1].id })
    ).assertStatus(200)
    const config = await CheckoutConfig.query().where('step_id', steps[1].id).firstOrFail()
    assert.equal(config.productPriceCents, 14700)
    assert.equal(config.productName, 'Curso completo')
  })

  test('a variant copied before the step changed type cannot become the step', async ({
    client,
    assert,
  }) => {
    const { funnel, steps, token } = await setup()
    const created = await client
      .post(route('api.split_tests.store', { funnel_id: funnel.id, step_id: steps[0].id }))
      .bearerToken(token)
      .json({})
    const { id, variants } = created.body().splitTest
    ;(
      await client
        .put(route('api.steps.update', { funnel_id: funnel.id, id: steps[0].id }))
        .bearerToken(token)
        .json({ stepType: 'vsl', content: VALID_CONTENT.vsl })
    ).assertStatus(200)
    const refused = await client
      .post(route('api.split_tests.winner', { id }))
      .bearerToken(token)
      .json({ variantId: variants[1].id })
    refused.assertStatus(422)
    assert.equal(refused.body().errors[0].field, 'variantId')
    assert.match(refused.body().errors[0].message, /tipo atual da etapa/)
    const step = await FunnelStep.findOrFail(steps[0].id)
    assert.equal(step.stepType, 'vsl')
    assert.deepEqual(step.content, VALID_CONTENT.vsl)
  })

  test('the control winning leaves the step as it is', async ({ client, assert }) => {
    const { funnel, steps, token } = await setup()
    const created = await client
      .post(route('api.split_tests.store', { funnel_id: funnel.id, step_id: steps[0].id }))
      .bearerToken(token)
      .json({})
    const { id, variants } = created.body().splitTest
    await client
      .put(route('api.split_tests.variants.update', { id, variant_id: variants[1].id }))
      .bearerToken(token)
      .json({ content: { ...VALID_CONTENT.capture, headline: 'Perdedora' } })
    ;(
      await client
        .post(route('api.split_tests.winner', { id }))
        .bearerToken(token)
        .json({ variantId: variants[0].id })
    ).assertStatus(200)
    const step = await FunnelStep.findOrFail(steps[0].id)
    assert.equal(step.content.headline, VALID_CONTENT.capture.headline)
    const statuses = await SplitTestVariant.query().where('split_test_id', id).orderBy('id')
    assert.deepEqual(
      statuses.map((v) => v.status),
      ['winner', 'archived']
    )
  })

  test('a viewer may read a test but not change it', async ({ client, assert }) => {
    const { funnel, steps, token, workspace, agency } = await setup()
    const created = await client
      .post(route('api.split_tests.store', { funnel_id: funnel.id, step_id: steps[0].id }))
      .bearerToken(token)
      .json({})
    const viewer = await agencyMember(agency, 'viewer')
    const viewerToken = await apiToken(viewer, workspace)
    ;(
      await client
        .get(route('api.split_tests.show', { id: created.body().splitTest.id }))
        .bearerToken(viewerToken)
    ).assertStatus(200)
    const refused = await client
      .post(route('api.split_tests.winner', { id: created.body().splitTest.id }))
      .bearerToken(viewerToken)
      .json({ variantId: created.body().splitTest.variants[1].id })
    refused.assertStatus(403)
    assert.equal((await SplitTestVariant.query().where('status', 'winner')).length, 0)
  })
})

test.group('API split tests: another workspace’s ids are a 404', (group) => {
  freshDatabase(group)

  test('every split-test route answers 404 for a foreign funnel, step, test or variant', async ({
    client,
    assert,
  }) => {
    const mine = await setup()
    const theirs = await setup()
    const foreign = await client
      .post(
        route('api.split_tests.store', { funnel_id: theirs.funnel.id, step_id: theirs.steps[0].id })
      )
      .bearerToken(theirs.token)
      .json({})
    foreign.assertStatus(201)
    const foreignTest = foreign.body().splitTest
    const own = await client
      .post(
        route('api.split_tests.store', { funnel_id: mine.funnel.id, step_id: mine.steps[0].id })
      )
      .bearerToken(mine.token)
      .json({})
    const ownTest = own.body().splitTest

    const calls: Array<[string, string, Record<string, unknown>?]> = [
      ['get', route('api.split_tests.list', { funnel_id: theirs.funnel.id })],
      [
        'post',
        route('api.split_tests.store', {
          funnel_id: theirs.funnel.id,
          step_id: theirs.steps[1].id,
        }),
        {},
      ],
      /** My funnel with their step: the step is looked up inside my funnel. */
      [
        'post',
        route('api.split_tests.store', { funnel_id: mine.funnel.id, step_id: theirs.steps[1].id }),
        {},
      ],
      ['get', route('api.split_tests.show', { id: foreignTest.id })],
      ['put', route('api.split_tests.update', { id: foreignTest.id }), { name: 'x' }],
      [
        'put',
        route('api.split_tests.variants.update', {
          id: foreignTest.id,
          variant_id: foreignTest.variants[1].id,
        }),
        { name: 'x' },
      ],
      /** My test with their variant id. */
      [
        'put',
        route('api.split_tests.variants.update', {
          id: ownTest.id,
          variant_id: foreignTest.variants[1].id,
        }),
        { name: 'x' },
      ],
      [
        'post',
        route('api.split_tests.winner', { id: foreignTest.id }),
        { variantId: foreignTest.variants[1].id },
      ],
    ]
    for (const [method, url, body] of calls) {
      const request = (client as any)[method](url).bearerToken(mine.token)
      const response = body ? await request.json(body) : await request
      assert.equal(response.status(), 404, `${method.toUpperCase()} ${url}`)
    }
    /** My test, their variant as the winner: refused as a field error, nothing changed. */
    const wrongWinner = await client
      .post(route('api.split_tests.winner', { id: ownTest.id }))
      .bearerToken(mine.token)
      .json({ variantId: foreignTest.variants[1].id })
    wrongWinner.assertStatus(422)
    assert.equal(wrongWinner.body().errors[0].field, 'variantId')
    const untouched = await SplitTestVariant.query()
      .where('split_test_id', foreignTest.id)
      .orderBy('id')
    assert.deepEqual(
      untouched.map((v) => [v.name, v.status]),
      [
        ['Controle (A)', 'active'],
        ['Variante B', 'active'],
      ]
    )
  })
})
