import { test } from '@japa/runner'
import { freshDatabase } from '#tests/helpers/database'
import { asInertia } from '#tests/helpers/inertia'
import { agencyMember, createTenant, workspaceMember } from '#tests/helpers/tenants'
import CheckoutConfig from '#models/checkout_config'
import FunnelStep from '#models/funnel_step'
import {
  checkoutFunnel,
  configCount,
  invalidPayloads,
  validPayload,
} from '#tests/functional/checkout/helpers'
import { route } from '#tests/helpers/routes'

const base = (slug: string, funnelId: number, stepId: number) =>
  route('w.checkout.edit', { workspaceSlug: slug, funnelId, stepId })

test.group('Admin checkout editor: page', (group) => {
  freshDatabase(group)

  test('opens the editor with the configuration, the upsell options and the URLs', async ({
    client,
    assert,
  }) => {
    const { owner, workspace } = await createTenant()
    const { funnel, checkout, steps, config } = await checkoutFunnel(workspace, {
      withConfig: true,
    })
    const response = await asInertia(
      client.get(base(workspace.slug, funnel.id, checkout.id)).loginAs(owner)
    )
    response.assertStatus(200)
    const { component, props } = response.body()
    assert.equal(component, 'checkout/edit')
    assert.equal(props.checkoutConfig.id, config!.id)
    assert.isTrue(props.checkoutConfig.exists)
    assert.equal(props.checkoutConfig.productPriceCents, 19700)
    assert.deepEqual(props.step, {
      id: checkout.id,
      name: checkout.name,
      slug: checkout.slug,
      version: 1,
    })
    assert.equal(props.funnel.id, funnel.id)
    assert.equal(
      props.funnel.url,
      route('w.funnels.show', { workspaceSlug: workspace.slug, id: funnel.id })
    )
    assert.deepEqual(
      props.upsellOptions.map((option: any) => option.id),
      [steps.capture.id, steps.upsell.id, steps.thankyou.id],
      'every other step of the funnel, in order'
    )
    assert.deepEqual(props.urls, {
      save: base(workspace.slug, funnel.id, checkout.id),
      preview: `${base(workspace.slug, funnel.id, checkout.id)}/preview`,
      savedPreview: route(
        'w.step_previews.show',
        { workspaceSlug: workspace.slug, funnelId: funnel.id, stepId: checkout.id },
        { qs: { v: '1' } }
      ),
    })
    assert.isTrue(props.workspace.can.write)
  })

  test('a checkout step without configuration opens with the defaults', async ({
    client,
    assert,
  }) => {
    const { owner, workspace } = await createTenant()
    const { funnel, checkout } = await checkoutFunnel(workspace)
    const response = await asInertia(
      client.get(base(workspace.slug, funnel.id, checkout.id)).loginAs(owner)
    )
    response.assertStatus(200)
    assert.isFalse(response.body().props.checkoutConfig.exists)
    assert.equal(response.body().props.checkoutConfig.productName, checkout.name)
  })

  test('a viewer opens it read-only', async ({ client, assert }) => {
    const { workspace } = await createTenant()
    const viewer = await workspaceMember(workspace, 'viewer')
    const { funnel, checkout } = await checkoutFunnel(workspace)
    const response = await asInertia(
      client.get(base(workspace.slug, funnel.id, checkout.id)).loginAs(viewer)
    )
    response.assertStatus(200)
    assert.isFalse(response.body().props.workspace.can.write)
  })

  test('a step that is not a checkout step, or of another funnel, is a 404', async ({ client }) => {
    const { owner, workspace } = await createTenant()
    const { funnel, steps } = await checkoutFunnel(workspace)
    const other = await checkoutFunnel(workspace)
    for (const stepId of [steps.capture.id, steps.thankyou.id, other.checkout.id, 999999]) {
      const response = await asInertia(
        client.get(base(workspace.slug, funnel.id, stepId)).loginAs(owner)
      )
      response.assertStatus(404)
    }
  })

  test("another workspace's funnel and step are a 404, under either workspace's URL", async ({
    client,
  }) => {
    const { owner, workspace } = await createTenant()
    const other = await createTenant()
    const foreign = await checkoutFunnel(other.workspace)
    for (const slug of [workspace.slug, other.workspace.slug]) {
      const response = await asInertia(
        client.get(base(slug, foreign.funnel.id, foreign.checkout.id)).loginAs(owner)
      )
      response.assertStatus(404)
    }
  })
})

test.group('Admin checkout editor: save', (group) => {
  freshDatabase(group)

  test('saving redirects back with a toast, stores the values and bumps the version', async ({
    client,
    assert,
  }) => {
    const { owner, workspace } = await createTenant()
    const { funnel, checkout, steps } = await checkoutFunnel(workspace)
    const url = base(workspace.slug, funnel.id, checkout.id)
    const response = await asInertia(
      client
        .put(url)
        .header('referer', url)
        .json(validPayload({ upsellConfig: { stepId: steps.upsell.id } }))
        .withCsrfToken()
        .loginAs(owner)
        .redirects(0)
    )
    /** Inertia wants 303 after a PUT, so the browser follows with a GET. */
    response.assertStatus(303)
    response.assertHeader('location', url)
    assert.equal(response.flashMessages().success, 'Checkout salvo')

    const row = await CheckoutConfig.query().where('step_id', checkout.id).firstOrFail()
    assert.equal(row.productName, 'Curso Completo de Confeitaria')
    assert.equal(row.productPriceCents, 29700)
    assert.deepEqual(row.upsellConfig, { stepId: steps.upsell.id })
    assert.lengthOf(row.orderBumps, 1)
    const step = await FunnelStep.findOrFail(checkout.id)
    assert.equal(step.version, 2)
  })

  test('invalid values come back as field errors and nothing is saved', async ({
    client,
    assert,
  }) => {
    const { owner, workspace } = await createTenant()
    const { funnel, checkout } = await checkoutFunnel(workspace)
    const url = base(workspace.slug, funnel.id, checkout.id)
    for (const [description, payload, field] of invalidPayloads()) {
      const response = await asInertia(
        client
          .put(url)
          .header('referer', url)
          .json(payload)
          .withCsrfToken()
          .loginAs(owner)
          .redirects(0)
      )
      assert.equal(response.status(), 303, description)
      assert.include(Object.keys(response.flashMessages().inputErrorsBag ?? {}), field, description)
    }
    assert.equal(await configCount(checkout.id), 0)
    await checkout.refresh()
    assert.equal(checkout.version, 1)
  })

  test('viewers get 403 on save and on the live preview', async ({ client, assert }) => {
    const { agency, workspace } = await createTenant()
    const { funnel, checkout } = await checkoutFunnel(workspace)
    const url = base(workspace.slug, funnel.id, checkout.id)
    for (const viewer of [
      await agencyMember(agency, 'viewer'),
      await workspaceMember(workspace, 'viewer'),
    ]) {
      const save = await asInertia(
        client.put(url).json(validPayload()).withCsrfToken().loginAs(viewer).redirects(0)
      )
      save.assertStatus(403)
      const preview = await client
        .post(`${url}/preview`)
        .json(validPayload())
        .withCsrfToken()
        .loginAs(viewer)
      preview.assertStatus(403)
    }
    assert.equal(await configCount(checkout.id), 0)
  })

  test("another workspace's checkout cannot be saved (404)", async ({ client, assert }) => {
    const { owner, workspace } = await createTenant()
    const other = await createTenant()
    const foreign = await checkoutFunnel(other.workspace, { withConfig: true })
    for (const slug of [workspace.slug, other.workspace.slug]) {
      const response = await asInertia(
        client
          .put(base(slug, foreign.funnel.id, foreign.checkout.id))
          .json(validPayload())
          .withCsrfToken()
          .loginAs(owner)
          .redirects(0)
      )
      response.assertStatus(404)
    }
    await foreign.config!.refresh()
    assert.equal(foreign.config!.productName, 'Curso de Confeitaria')
  })

  test('saving without the CSRF token is refused', async ({ client, assert }) => {
    const { owner, workspace } = await createTenant()
    const { funnel, checkout } = await checkoutFunnel(workspace)
    const response = await client
      .put(base(workspace.slug, funnel.id, checkout.id))
      .json(validPayload())
      .loginAs(owner)
      .redirects(0)
    assert.notEqual(response.status(), 200)
    assert.equal(await configCount(checkout.id), 0)
  })
})

test.group('Admin checkout editor: live preview', (group) => {
  freshDatabase(group)

  test('renders the unsaved values as HTML, with the XSRF header, without saving', async ({
    client,
    assert,
  }) => {
    const { owner, workspace } = await createTenant()
    const { funnel, checkout, config } = await checkoutFunnel(workspace, { withConfig: true })
    const response = await client
      .post(`${base(workspace.slug, funnel.id, checkout.id)}/preview`)
      .header('accept', 'application/json')
      .json(validPayload({ productName: 'Nome ainda não salvo', productPriceCents: 4990 }))
      .withCsrfToken()
      .loginAs(owner)
    response.assertStatus(200)
    assert.match(response.header('content-type') ?? '', /^text\/html/)
    assert.include(response.text(), 'Nome ainda não salvo')
    assert.include(response.text(), 'R$ 49,90')
    assert.include(response.text(), 'Pré-visualização')
    assert.match(response.header('content-security-policy') ?? '', /sandbox allow-scripts/)

    await config!.refresh()
    assert.equal(config!.productName, 'Curso de Confeitaria')
    await checkout.refresh()
    assert.equal(checkout.version, 1)
  })

  test('invalid values answer 422 in JSON (what the editor shows under the fields)', async ({
    client,
    assert,
  }) => {
    const { owner, workspace } = await createTenant()
    const { funnel, checkout } = await checkoutFunnel(workspace)
    const response = await client
      .post(`${base(workspace.slug, funnel.id, checkout.id)}/preview`)
      .header('accept', 'application/json')
      .json(validPayload({ designConfig: { primaryColor: 'verde' } }))
      .withCsrfToken()
      .loginAs(owner)
    response.assertStatus(422)
    assert.deepEqual(response.body().errors, [
      {
        field: 'designConfig.primaryColor',
        rule: 'regex',
        message: 'Use uma cor no formato #rrggbb',
      },
    ])
  })

  test("another workspace's step is a 404", async ({ client }) => {
    const { owner, workspace } = await createTenant()
    const other = await createTenant()
    const foreign = await checkoutFunnel(other.workspace)
    const response = await client
      .post(`${base(workspace.slug, foreign.funnel.id, foreign.checkout.id)}/preview`)
      .header('accept', 'application/json')
      .json(validPayload())
      .withCsrfToken()
      .loginAs(owner)
    response.assertStatus(404)
  })
})
