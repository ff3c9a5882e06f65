import { test } from '@japa/runner'
import { freshDatabase } from '#tests/helpers/database'
import { agencyMember, apiToken, createTenant } from '#tests/helpers/tenants'
import CheckoutConfig from '#models/checkout_config'
import FunnelStep from '#models/funnel_step'
import {
  checkoutFunnel,
  configCount,
  invalidPayloads,
  validPayload,
} from '#tests/functional/checkout/helpers'

const url = (funnelId: number, stepId: number, suffix = '') =>
  `/api/checkout/${funnelId}/${stepId}${suffix}`

test.group('API checkout: read', (group) => {
  freshDatabase(group)

  test('before the first save, the defaults with exists: false', async ({ client, assert }) => {
    const { owner, workspace } = await createTenant()
    const { funnel, checkout } = await checkoutFunnel(workspace)
    const response = await client
      .get(url(funnel.id, checkout.id))
      .bearerToken(await apiToken(owner, workspace))
    response.assertStatus(200)
    const body = response.body()
    assert.isFalse(body.checkoutConfig.exists)
    assert.isNull(body.checkoutConfig.id)
    assert.equal(body.checkoutConfig.productName, checkout.name)
    assert.equal(body.checkoutConfig.productPriceCents, 9700)
    assert.equal(body.checkoutConfig.currency, 'BRL')
    assert.deepEqual(body.checkoutConfig.paymentMethods, ['pix'])
    assert.deepEqual(body.checkoutConfig.fieldsConfig, {
      name: true,
      email: true,
      phone: true,
      cpf: true,
    })
    assert.deepEqual(body.checkoutConfig.orderBumps, [])
    assert.deepEqual(body.step, {
      id: checkout.id,
      name: checkout.name,
      slug: checkout.slug,
      version: 1,
    })
    assert.equal(await configCount(checkout.id), 0, 'reading creates nothing')
  })

  test('the saved configuration with exists: true', async ({ client, assert }) => {
    const { owner, workspace } = await createTenant()
    const { funnel, checkout, config } = await checkoutFunnel(workspace, { withConfig: true })
    const response = await client
      .get(url(funnel.id, checkout.id))
      .bearerToken(await apiToken(owner, workspace))
    response.assertStatus(200)
    assert.isTrue(response.body().checkoutConfig.exists)
    assert.equal(response.body().checkoutConfig.id, config!.id)
    assert.equal(response.body().checkoutConfig.productName, 'Curso de Confeitaria')
    assert.equal(response.body().checkoutConfig.productPriceCents, 19700)
    assert.deepEqual(response.body().checkoutConfig.fieldsConfig, {
      name: true,
      email: true,
      phone: false,
      cpf: true,
    })
  })

  test('a viewer may read', async ({ client }) => {
    const { agency, workspace } = await createTenant()
    const viewer = await agencyMember(agency, 'viewer')
    const { funnel, checkout } = await checkoutFunnel(workspace)
    const response = await client
      .get(url(funnel.id, checkout.id))
      .bearerToken(await apiToken(viewer, workspace))
    response.assertStatus(200)
  })

  test('without credentials: 401', async ({ client }) => {
    const { workspace } = await createTenant()
    const { funnel, checkout } = await checkoutFunnel(workspace)
    const response = await client.get(url(funnel.id, checkout.id))
    response.assertStatus(401)
  })
})

test.group('API checkout: not found', (group) => {
  freshDatabase(group)

  test('a step that is not a checkout step is a 404 on every route', async ({ client, assert }) => {
    const { owner, workspace } = await createTenant()
    const { funnel, steps } = await checkoutFunnel(workspace)
    const token = await apiToken(owner, workspace)
    for (const step of [steps.capture, steps.upsell, steps.thankyou]) {
      const read = await client.get(url(funnel.id, step.id)).bearerToken(token)
      read.assertStatus(404)
      assert.equal(read.body().errors[0].rule, 'not_found')
      const write = await client
        .put(url(funnel.id, step.id))
        .json(validPayload())
        .bearerToken(token)
      write.assertStatus(404)
      const preview = await client
        .post(url(funnel.id, step.id, '/preview'))
        .json(validPayload())
        .bearerToken(token)
      preview.assertStatus(404)
    }
    assert.lengthOf(await CheckoutConfig.all(), 0)
  })

  test('a checkout step of another funnel is a 404', async ({ client }) => {
    const { owner, workspace } = await createTenant()
    const first = await checkoutFunnel(workspace)
    const second = await checkoutFunnel(workspace)
    const token = await apiToken(owner, workspace)
    const response = await client.get(url(first.funnel.id, second.checkout.id)).bearerToken(token)
    response.assertStatus(404)
    const write = await client
      .put(url(first.funnel.id, second.checkout.id))
      .json(validPayload())
      .bearerToken(token)
    write.assertStatus(404)
  })

  test("another workspace's funnel and step are a 404 on every route", async ({
    client,
    assert,
  }) => {
    const { owner, workspace } = await createTenant()
    await checkoutFunnel(workspace)
    const other = await createTenant()
    const foreign = await checkoutFunnel(other.workspace, { withConfig: true })
    const token = await apiToken(owner, workspace)

    const read = await client.get(url(foreign.funnel.id, foreign.checkout.id)).bearerToken(token)
    read.assertStatus(404)
    const write = await client
      .put(url(foreign.funnel.id, foreign.checkout.id))
      .json(validPayload())
      .bearerToken(token)
    write.assertStatus(404)
    const preview = await client
      .post(url(foreign.funnel.id, foreign.checkout.id, '/preview'))
      .json(validPayload())
      .bearerToken(token)
    preview.assertStatus(404)

    await foreign.config!.refresh()
    assert.equal(foreign.config!.productName, 'Curso de Confeitaria', 'untouched')
    await foreign.checkout.refresh()
    assert.equal(foreign.checkout.version, 1)
  })

  test('non-numeric ids do not match the route', async ({ client }) => {
    const { owner, workspace } = await createTenant()
    const response = await client
      .get('/api/checkout/abc/def')
      .bearerToken(await apiToken(owner, workspace))
    response.assertStatus(404)
  })
})

test.group('API checkout: save', (group) => {
  freshDatabase(group)

  test('PUT creates the configuration, then replaces it, bumping the step version each time', async ({
    client,
    assert,
  }) => {
    const { owner, workspace } = await createTenant()
    const { funnel, checkout, steps } = await checkoutFunnel(workspace)
    const token = await apiToken(owner, workspace)

    const created = await client
      .put(url(funnel.id, checkout.id))
      .json(validPayload({ upsellConfig: { stepId: steps.upsell.id } }))
      .bearerToken(token)
    created.assertStatus(200)
    assert.isTrue(created.body().checkoutConfig.exists)
    assert.equal(created.body().step.version, 2)

    const row = await CheckoutConfig.query().where('step_id', checkout.id).firstOrFail()
    assert.equal(row.workspaceId, workspace.id)
    assert.equal(row.funnelId, funnel.id)
    assert.equal(row.productName, 'Curso Completo de Confeitaria')
    assert.equal(row.productPriceCents, 29700)
    assert.deepEqual(row.paymentMethods, ['pix'])
    assert.deepEqual(row.fieldsConfig, { name: true, email: true, phone: false, cpf: true })
    assert.equal(row.designConfig.primaryColor, '#7c3aed')
    assert.equal(row.designConfig.countdownMinutes, 15)
    assert.deepEqual(row.designConfig.testimonials, [
      { name: 'Maria', text: 'Mudou minha vida', photoUrl: null },
    ])
    assert.deepEqual(row.orderBumps, [
      {
        name: 'Apostila impressa',
        priceCents: 2990,
        description: 'Receba em casa',
        imageUrl: null,
      },
    ])
    assert.deepEqual(row.upsellConfig, { stepId: steps.upsell.id })

    const replaced = await client
      .put(url(funnel.id, checkout.id))
      .json({ productName: '  Só o nome e o preço  ', productPriceCents: 100 })
      .bearerToken(token)
    replaced.assertStatus(200)
    assert.equal(replaced.body().checkoutConfig.id, row.id, 'same row')
    assert.equal(replaced.body().checkoutConfig.productName, 'Só o nome e o preço')
    assert.deepEqual(replaced.body().checkoutConfig.orderBumps, [], 'omitted lists are emptied')
    assert.equal(replaced.body().checkoutConfig.designConfig.countdownMinutes, 0)
    assert.equal(replaced.body().step.version, 3)

    assert.equal(await configCount(checkout.id), 1)
    const step = await FunnelStep.findOrFail(checkout.id)
    assert.equal(step.version, 3)
  })

  test('422 with the field and rule for each invalid input, nothing saved', async ({
    client,
    assert,
  }) => {
    const { owner, workspace } = await createTenant()
    const { funnel, checkout } = await checkoutFunnel(workspace)
    const token = await apiToken(owner, workspace)
    for (const [description, payload, field, rule] of invalidPayloads()) {
      const response = await client
        .put(url(funnel.id, checkout.id))
        .json(payload)
        .bearerToken(token)
      assert.equal(response.status(), 422, description)
      const error = response.body().errors.find((e: any) => e.field === field)
      assert.exists(error, `${description}: ${JSON.stringify(response.body().errors)}`)
      assert.equal(error.rule, rule, description)
      assert.isString(error.message)
    }
    assert.equal(await configCount(checkout.id), 0)
    await checkout.refresh()
    assert.equal(checkout.version, 1, 'a refused save does not bump the version')
  })

  test('messages are translated (pt-BR by default, English on request)', async ({
    client,
    assert,
  }) => {
    const { owner, workspace } = await createTenant()
    const { funnel, checkout } = await checkoutFunnel(workspace)
    const token = await apiToken(owner, workspace)
    const payload = validPayload({ productPriceCents: 50 })
    const pt = await client.put(url(funnel.id, checkout.id)).json(payload).bearerToken(token)
    assert.equal(pt.body().errors[0].message, 'O preço mínimo é R$ 1,00')
    const en = await client
      .put(url(funnel.id, checkout.id))
      .header('accept-language', 'en')
      .json(payload)
      .bearerToken(token)
    assert.equal(en.body().errors[0].message, 'The minimum price is R$ 1,00')
  })

  test('the upsell step must be another step of the same funnel', async ({ client, assert }) => {
    const { owner, workspace } = await createTenant()
    const { funnel, checkout } = await checkoutFunnel(workspace)
    const elsewhere = await checkoutFunnel(workspace)
    const other = await createTenant()
    const foreign = await checkoutFunnel(other.workspace)
    const token = await apiToken(owner, workspace)
    for (const stepId of [checkout.id, elsewhere.steps.upsell.id, foreign.steps.upsell.id]) {
      const response = await client
        .put(url(funnel.id, checkout.id))
        .json(validPayload({ upsellConfig: { stepId } }))
        .bearerToken(token)
      response.assertStatus(422)
      assert.equal(response.body().errors[0].field, 'upsellConfig.stepId')
      assert.equal(response.body().errors[0].message, 'Escolha outra etapa deste funil')
    }
  })

  test('viewers get 403 on PUT and preview; editors may save', async ({ client, assert }) => {
    const { agency, workspace } = await createTenant()
    const { funnel, checkout } = await checkoutFunnel(workspace)
    const viewer = await agencyMember(agency, 'viewer')
    const viewerToken = await apiToken(viewer, workspace)

    const put = await client
      .put(url(funnel.id, checkout.id))
      .json(validPayload())
      .bearerToken(viewerToken)
    put.assertStatus(403)
    assert.equal(put.body().errors[0].rule, 'forbidden')
    const preview = await client
      .post(url(funnel.id, checkout.id, '/preview'))
      .json(validPayload())
      .bearerToken(viewerToken)
    preview.assertStatus(403)
    assert.equal(await configCount(checkout.id), 0)

    const editor = await agencyMember(agency, 'editor')
    const saved = await client
      .put(url(funnel.id, checkout.id))
      .json(validPayload())
      .bearerToken(await apiToken(editor, workspace))
    saved.assertStatus(200)
    assert.equal(await configCount(checkout.id), 1)
  })
})

test.group('API checkout: preview', (group) => {
  freshDatabase(group)

  test('renders the posted configuration as HTML without saving it', async ({ client, assert }) => {
    const { owner, workspace } = await createTenant()
    const { funnel, checkout, config } = await checkoutFunnel(workspace, { withConfig: true })
    const response = await client
      .post(url(funnel.id, checkout.id, '/preview'))
      .json(validPayload({ productName: 'Produto <b>novo</b>', productPriceCents: 123456 }))
      .bearerToken(await apiToken(owner, workspace))
    response.assertStatus(200)
    assert.match(response.header('content-type') ?? '', /^text\/html/)
    const html = response.text()
    assert.match(html, /^<!DOCTYPE html>/)
    assert.include(html, 'Produto &lt;b&gt;novo&lt;/b&gt;')
    assert.include(html, 'R$ 1.234,56')
    assert.include(html, 'Apostila impressa')
    assert.include(html, 'Pré-visualização')
    assert.include(html, 'Falta pouco!', "the step's own headline")

    await config!.refresh()
    assert.equal(config!.productName, 'Curso de Confeitaria', 'not saved')
    assert.equal(config!.productPriceCents, 19700)
    await checkout.refresh()
    assert.equal(checkout.version, 1, 'version unchanged')
  })

  test('invalid input is a 422 in JSON, like PUT', async ({ client, assert }) => {
    const { owner, workspace } = await createTenant()
    const { funnel, checkout } = await checkoutFunnel(workspace)
    const token = await apiToken(owner, workspace)
    for (const [description, payload, field, rule] of invalidPayloads()) {
      const response = await client
        .post(url(funnel.id, checkout.id, '/preview'))
        .json(payload)
        .bearerToken(token)
      assert.equal(response.status(), 422, description)
      assert.match(response.header('content-type') ?? '', /json/)
      const error = response.body().errors.find((e: any) => e.field === field)
      assert.equal(error?.rule, rule, description)
    }
    assert.equal(await configCount(checkout.id), 0)
  })
})
