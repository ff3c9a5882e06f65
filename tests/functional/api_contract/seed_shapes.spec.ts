import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import { freshDatabase } from '#tests/helpers/database'
import { apiToken, createTenant } from '#tests/helpers/tenants'
import { siteRequest } from '#tests/helpers/site_client'
import TrackingPixel from '#models/tracking_pixel'
import Credential from '#models/credential'
import CheckoutConfig from '#models/checkout_config'
import { funnelWithSteps, stepIdsInOrder, VALID_CONTENT } from '../funnels/helpers.js'
import { route } from '#tests/helpers/routes'

test.group('API seed shapes: funnels and steps', (group) => {
  freshDatabase(group)

  test('POST /api/funnels with is_active:false creates an inactive funnel whose page is a 404', async ({
    client,
    assert,
  }) => {
    const { owner, workspace } = await createTenant()
    const token = await apiToken(owner, workspace)
    const host = `${workspace.slug}.localhost`

    const pages: Record<string, number> = {}
    for (const [name, active] of [
      ['Funil Pausado', false],
      ['Funil Ligado', true],
    ] as const) {
      const created = await client
        .post(route('api.funnels.store'))
        .bearerToken(token)
        .json({ name, is_active: active, niche: 'saude' })
      created.assertStatus(201)
      const funnel = created.body().funnel
      assert.equal(funnel.isActive, active)
      const step = await client
        .post(route('api.steps.store', { funnel_id: funnel.id }))
        .bearerToken(token)
        .json({ name: 'Captura', step_type: 'capture', content: VALID_CONTENT.capture })
      step.assertStatus(201)
      assert.equal(step.body().step.stepType, 'capture')
      // Funnels are drafts until published (issue 18): publishing the inactive one still
      // serves nothing, is_active decides.
      const published = await client
        .post(route('api.funnels.publish', { id: funnel.id }))
        .bearerToken(token)
      published.assertStatus(201)
      const page = await siteRequest(host, `/${funnel.slug}/${step.body().step.slug}`)
      pages[name] = page.status
    }
    assert.deepEqual(pages, { 'Funil Pausado': 404, 'Funil Ligado': 200 })
  })

  test('PUT /api/funnels/:id honours is_active and refuses unknown fields by name', async ({
    client,
    assert,
  }) => {
    const { owner, workspace } = await createTenant()
    const token = await apiToken(owner, workspace)
    const { funnel } = await funnelWithSteps(workspace, ['capture'])

    const off = await client
      .put(route('api.funnels.update', { id: funnel.id }))
      .bearerToken(token)
      .json({ is_active: false })
    off.assertStatus(200)
    await funnel.refresh()
    assert.isFalse(funnel.isActive)

    const unknown = await client
      .put(route('api.funnels.update', { id: funnel.id }))
      .bearerToken(token)
      .json({ name: 'Outro nome', is_actve: true, colour: 'red' })
    unknown.assertStatus(422)
    assert.sameMembers(
      unknown.body().errors.map((e: any) => `${e.field}:${e.rule}`),
      ['is_actve:unknown_field', 'colour:unknown_field']
    )
    await funnel.refresh()
    assert.notEqual(funnel.name, 'Outro nome')

    const conflict = await client
      .put(route('api.funnels.update', { id: funnel.id }))
      .bearerToken(token)
      .json({ is_active: true, isActive: false })
    conflict.assertStatus(422)
    assert.equal(conflict.body().errors[0].rule, 'field_conflict')
  })

  test('order_index on a step update moves it and keeps the order dense', async ({
    client,
    assert,
  }) => {
    const { owner, workspace } = await createTenant()
    const token = await apiToken(owner, workspace)
    const { funnel, steps } = await funnelWithSteps(workspace, ['capture', 'vsl', 'checkout'])
    const [a, b, c] = steps.map((step) => step.id)

    const moved = await client
      .put(route('api.steps.update', { funnel_id: funnel.id, id: c }))
      .bearerToken(token)
      .json({ order_index: 0, is_active: false })
    moved.assertStatus(200)
    assert.equal(moved.body().step.orderIndex, 0)
    assert.isFalse(moved.body().step.isActive)
    assert.deepEqual(await stepIdsInOrder(funnel), [c, a, b])

    /** Past the end: the last place. camelCase works the same. */
    ;(
      await client
        .put(route('api.steps.update', { funnel_id: funnel.id, id: c }))
        .bearerToken(token)
        .json({ orderIndex: 99 })
    ).assertStatus(200)
    assert.deepEqual(await stepIdsInOrder(funnel), [a, b, c])

    /** Insert at a position on create. */
    const inserted = await client
      .post(route('api.steps.store', { funnel_id: funnel.id }))
      .bearerToken(token)
      .json({ name: 'Obrigado', step_type: 'thankyou', order_index: 1, content: { message: 'Ok' } })
    inserted.assertStatus(201)
    assert.equal(inserted.body().step.orderIndex, 1)
    assert.deepEqual(await stepIdsInOrder(funnel), [a, inserted.body().step.id, b, c])

    /** The reorder route takes the spec's `step_ids` too. */
    const ids = [c, b, inserted.body().step.id, a]
    ;(
      await client
        .put(route('api.steps.reorder', { funnel_id: funnel.id }))
        .bearerToken(token)
        .json({ step_ids: ids })
    ).assertStatus(200)
    assert.deepEqual(await stepIdsInOrder(funnel), ids)
  })

  test('another workspace’s step answers 404 with the seed shape too', async ({ client }) => {
    const { owner, workspace } = await createTenant()
    const token = await apiToken(owner, workspace)
    const other = await createTenant()
    const { funnel, steps } = await funnelWithSteps(other.workspace, ['capture'])
    ;(
      await client
        .put(route('api.steps.update', { funnel_id: funnel.id, id: steps[0].id }))
        .bearerToken(token)
        .json({ order_index: 0 })
    ).assertStatus(404)
  })
})

test.group('API seed shapes: pixels, credentials, checkout', (group) => {
  freshDatabase(group)

  test('pixels: pixel_type, pixel_id, event_name and is_active are honoured', async ({
    client,
    assert,
  }) => {
    const { owner, workspace } = await createTenant()
    const token = await apiToken(owner, workspace)
    const { funnel } = await funnelWithSteps(workspace, ['capture'])

    const created = await client.post(route('api.pixels.store')).bearerToken(token).json({
      funnel_id: funnel.id,
      pixel_type: 'facebook',
      pixel_id: '123456789012345',
      event_name: 'Lead',
      is_active: false,
    })
    created.assertStatus(201)
    const pixel = await TrackingPixel.findOrFail(created.body().pixel.id)
    assert.equal(pixel.eventName, 'Lead')
    assert.isFalse(pixel.isActive)

    ;(
      await client
        .put(route('api.pixels.update', { id: pixel.id }))
        .bearerToken(token)
        .json({ is_active: true, event_name: 'Purchase' })
    ).assertStatus(200)
    await pixel.refresh()
    assert.isTrue(pixel.isActive)
    assert.equal(pixel.eventName, 'Purchase')
  })

  test('credentials: api_key, api_secret and is_active on POST and PUT', async ({
    client,
    assert,
  }) => {
    const { owner, workspace } = await createTenant()
    const token = await apiToken(owner, workspace)

    const created = await client.post(route('api.credentials.store')).bearerToken(token).json({
      name: 'SkalePay',
      service: 'skalepay',
      api_key: 'sk_test_123456',
      api_secret: 'secret_123456',
      is_active: true,
    })
    created.assertStatus(201)
    const id = created.body().credential.id
    ;(
      await client
        .put(route('api.credentials.update', { id }))
        .bearerToken(token)
        .json({ is_active: false })
    ).assertStatus(200)
    const credential = await Credential.findOrFail(id)
    assert.isFalse(credential.isActive)

    const unknown = await client
      .post(route('api.credentials.store'))
      .bearerToken(token)
      .json({ name: 'X y', service: 'skalepay', api_key: 'sk_test_123456', created_by: 1 })
    unknown.assertStatus(422)
    assert.deepEqual(
      unknown.body().errors.map((e: any) => [e.field, e.rule]),
      [['created_by', 'unknown_field']]
    )
  })

  test('checkout: product_price in reais becomes exact cents; 3 decimals are a 422', async ({
    client,
    assert,
  }) => {
    const { owner, workspace } = await createTenant()
    const token = await apiToken(owner, workspace)
    const { funnel, steps } = await funnelWithSteps(workspace, ['checkout'])
    const url = route('api.checkout.show', { funnelId: funnel.id, stepId: steps[0].id })

    for (const [price, cents] of [
      [97.9, 9790],
      ['1234.56', 123456],
      [19.99, 1999],
      [147, 14700],
    ] as const) {
      const response = await client
        .put(url)
        .bearerToken(token)
        .json({
          product_name: 'Curso',
          product_price: price,
          payment_methods: ['pix'],
          fields_config: { name: true, email: true, phone: false, cpf: true },
          design_config: { primary_color: '#112233' },
        })
      response.assertStatus(200)
      const config = await CheckoutConfig.query().where('step_id', steps[0].id).firstOrFail()
      assert.equal(config.productPriceCents, cents, `price ${price}`)
      assert.equal((config.designConfig as any).primaryColor, '#112233')
    }

    for (const price of [97.999, '10.001', '1e3', '-5', 'R$ 10']) {
      const response = await client
        .put(url)
        .bearerToken(token)
        .json({ product_name: 'Curso', product_price: price })
      response.assertStatus(422)
      assert.equal(response.body().errors[0].field, 'product_price')
      assert.equal(response.body().errors[0].rule, 'decimal_places')
    }

    /** Nested unknown keys are named with their path. */
    const nested = await client
      .put(url)
      .bearerToken(token)
      .json({ product_name: 'Curso', product_price: 10, design_config: { font: 'x' } })
    nested.assertStatus(422)
    assert.equal(nested.body().errors[0].field, 'design_config.font')
  })
})

test.group('API defaults: dashboard period and workspace choice', (group) => {
  freshDatabase(group)

  test('the dashboard without from/to covers the last 30 days in the workspace zone', async ({
    client,
    assert,
  }) => {
    const { owner, workspace } = await createTenant()
    const token = await apiToken(owner, workspace)
    const response = await client.get(route('api.analytics.dashboard')).bearerToken(token)
    response.assertStatus(200)
    const zone = workspace.timezone || 'America/Sao_Paulo'
    const today = DateTime.now().setZone(zone)
    assert.deepEqual(response.body().period, {
      from: today.minus({ days: 29 }).toISODate(),
      to: today.toISODate(),
      zone,
    })
    const withFunnel = await client
      .get(route('api.analytics.dashboard', {}, { qs: { funnel_id: '999999' } }))
      .bearerToken(token)
    withFunnel.assertStatus(404)
  })

  test('workspace_required names the three ways; /api/auth/me lists slug, name and role', async ({
    client,
    assert,
  }) => {
    const { owner, workspace } = await createTenant()
    const token = await apiToken(owner, null)
    const response = await client
      .get(route('api.funnels.index'))
      .bearerToken(token)
      .header('Accept-Language', 'en')
    response.assertStatus(400)
    const message: string = response.body().errors[0].message
    assert.include(message, 'POST /api/auth/login')
    assert.include(message, 'X-Workspace')
    assert.include(message, 'workspace-bound token')

    const me = await client.get(route('api.auth.me')).bearerToken(token)
    me.assertStatus(200)
    const row = me.body().workspaces.find((w: any) => w.id === workspace.id)
    assert.equal(row.slug, workspace.slug)
    assert.equal(row.name, workspace.name)
    assert.equal(row.role, 'owner')
  })
})
