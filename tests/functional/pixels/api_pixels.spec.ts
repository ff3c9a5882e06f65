import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { freshDatabase } from '#tests/helpers/database'
import { agencyMember, apiToken, createTenant, workspaceMember } from '#tests/helpers/tenants'
import TrackingPixel from '#models/tracking_pixel'
import { expectStatus, funnelWithSteps, pixelOf } from './fixtures.js'
import { route } from '#tests/helpers/routes'

/** An owner's token and a funnel with two steps. */
async function setup() {
  const tenant = await createTenant()
  const token = await apiToken(tenant.owner, tenant.workspace)
  const { funnel, steps } = await funnelWithSteps(tenant.workspace)
  return { ...tenant, token, funnel, steps }
}

function rulesOf(body: any) {
  return Object.fromEntries(body.errors.map((error: any) => [error.field, error.rule]))
}

test.group('API pixels: create, list, show, update, delete', (group) => {
  freshDatabase(group)

  test('creates a Meta pixel for the whole funnel', async ({ client, assert }) => {
    const { token, funnel, workspace } = await setup()
    const response = await client
      .post(route('api.pixels.store'))
      .bearerToken(token)
      .json({ pixelType: 'facebook', funnelId: funnel.id, pixelId: '123456789012345' })
    response.assertStatus(201)
    const pixel = response.body().pixel
    assert.containSubset(pixel, {
      pixelType: 'facebook',
      pixelId: '123456789012345',
      funnelId: funnel.id,
      funnel: { id: funnel.id, name: funnel.name },
      stepId: null,
      step: null,
      eventName: null,
      isActive: true,
      settings: {},
    })
    const stored = await TrackingPixel.findOrFail(pixel.id)
    assert.equal(stored.workspaceId, workspace.id)
    assert.equal(stored.pixelId, '123456789012345')
  })

  test('a step of the funnel and an event override; Google and TikTok ids are upper-cased', async ({
    client,
    assert,
  }) => {
    const { token, funnel, steps } = await setup()
    const google = await client.post(route('api.pixels.store')).bearerToken(token).json({
      pixelType: 'google',
      funnelId: funnel.id,
      stepId: steps[1].id,
      pixelId: 'g-abc123xyz',
      eventName: 'purchase',
      isActive: false,
    })
    google.assertStatus(201)
    assert.containSubset(google.body().pixel, {
      pixelId: 'G-ABC123XYZ',
      stepId: steps[1].id,
      step: { id: steps[1].id, name: steps[1].name },
      eventName: 'purchase',
      isActive: false,
    })

    const ads = await client
      .post(route('api.pixels.store'))
      .bearerToken(token)
      .json({ pixelType: 'google', funnelId: funnel.id, pixelId: 'AW-123456789/AbC-D_efG' })
    ads.assertStatus(201)
    assert.equal(ads.body().pixel.pixelId, 'AW-123456789/ABC-D_EFG')

    const tiktok = await client
      .post(route('api.pixels.store'))
      .bearerToken(token)
      .json({ pixelType: 'tiktok', funnelId: funnel.id, pixelId: 'c4abcdef1234567890ab' })
    tiktok.assertStatus(201)
    assert.equal(tiktok.body().pixel.pixelId, 'C4ABCDEF1234567890AB')
  })

  test('lists with pagination and the funnel_id filter', async ({ client, assert }) => {
    const { token, funnel, workspace } = await setup()
    const other = await funnelWithSteps(workspace, 1)
    const first = await pixelOf(workspace, funnel.id)
    const second = await pixelOf(workspace, funnel.id, {
      pixelType: 'tiktok',
      pixelId: 'C4ABCDEF1234567890AB',
    })
    const elsewhere = await pixelOf(workspace, other.funnel.id)

    const all = await client.get(route('api.pixels.index')).bearerToken(token).qs({ perPage: 2 })
    all.assertStatus(200)
    assert.deepEqual(all.body().meta, { total: 3, perPage: 2, currentPage: 1, lastPage: 2 })
    assert.lengthOf(all.body().data, 2)

    const filtered = await client
      .get(route('api.pixels.index'))
      .bearerToken(token)
      .qs({ funnel_id: funnel.id })
    assert.sameMembers(
      filtered.body().data.map((pixel: any) => pixel.id),
      [first.id, second.id]
    )
    assert.notInclude(
      filtered.body().data.map((pixel: any) => pixel.id),
      elsewhere.id
    )

    const bad = await client
      .get(route('api.pixels.index'))
      .bearerToken(token)
      .qs({ funnel_id: 'x' })
    bad.assertStatus(422)
    assert.equal(bad.body().errors[0].field, 'funnel_id')
  })

  test('shows one pixel', async ({ client, assert }) => {
    const { token, funnel, workspace } = await setup()
    const pixel = await pixelOf(workspace, funnel.id, { eventName: 'Lead' })
    const response = await client.get(route('api.pixels.show', { id: pixel.id })).bearerToken(token)
    response.assertStatus(200)
    assert.containSubset(response.body().pixel, {
      id: pixel.id,
      eventName: 'Lead',
      funnel: { id: funnel.id },
    })
  })

  test('updates only what is sent; another funnel needs one of its steps or none', async ({
    client,
    assert,
  }) => {
    const { token, funnel, steps, workspace } = await setup()
    const pixel = await pixelOf(workspace, funnel.id, { stepId: steps[0].id })

    const renamed = await client
      .put(route('api.pixels.update', { id: pixel.id }))
      .bearerToken(token)
      .json({ eventName: 'InitiateCheckout', isActive: false })
    renamed.assertStatus(200)
    assert.containSubset(renamed.body().pixel, {
      eventName: 'InitiateCheckout',
      isActive: false,
      pixelId: pixel.pixelId,
      stepId: steps[0].id,
    })

    const other = await funnelWithSteps(workspace, 1)
    const stale = await client
      .put(route('api.pixels.update', { id: pixel.id }))
      .bearerToken(token)
      .json({ funnelId: other.funnel.id })
    stale.assertStatus(422)
    assert.equal(rulesOf(stale.body()).stepId, 'pixel_step_of_funnel')

    const moved = await client
      .put(route('api.pixels.update', { id: pixel.id }))
      .bearerToken(token)
      .json({ funnelId: other.funnel.id, stepId: null })
    moved.assertStatus(200)
    await pixel.refresh()
    assert.equal(pixel.funnelId, other.funnel.id)
    assert.isNull(pixel.stepId)
    assert.equal(pixel.eventName, 'InitiateCheckout')
  })

  test('deletes a pixel', async ({ client, assert }) => {
    const { token, funnel, workspace } = await setup()
    const pixel = await pixelOf(workspace, funnel.id)
    const response = await client
      .delete(route('api.pixels.destroy', { id: pixel.id }))
      .bearerToken(token)
    response.assertStatus(204)
    assert.isNull(await TrackingPixel.find(pixel.id))
  })
})

test.group('API pixels: validation', (group) => {
  freshDatabase(group)

  test('required fields and the type enum (422)', async ({ client, assert }) => {
    const { token } = await setup()
    const empty = await client.post(route('api.pixels.store')).bearerToken(token).json({})
    empty.assertStatus(422)
    assert.deepInclude(rulesOf(empty.body()), {
      pixelType: 'required',
      funnelId: 'required',
      pixelId: 'required',
    })
    const message = empty.body().errors.find((error: any) => error.field === 'funnelId').message
    assert.equal(message, 'O campo funil é obrigatório')

    const badType = await client
      .post(route('api.pixels.store'))
      .bearerToken(token)
      .json({ pixelType: 'snapchat', funnelId: 1, pixelId: '1' })
    assert.equal(rulesOf(badType.body()).pixelType, 'enum')
  })

  test('the pixel id format depends on the type (422)', async ({ client, assert }) => {
    const { token, funnel } = await setup()
    const cases = [
      ['facebook', '12345', 'pixel_id_facebook'],
      ['facebook', '12345678901234567', 'pixel_id_facebook'],
      ['facebook', 'abcdefghijklmno', 'pixel_id_facebook'],
      ['google', 'UA-12345-1', 'pixel_id_google'],
      ['google', 'G-', 'pixel_id_google'],
      ['tiktok', 'C4ABC DEF-123!', 'pixel_id_tiktok'],
    ] as const
    for (const [pixelType, pixelId, rule] of cases) {
      const response = await client
        .post(route('api.pixels.store'))
        .bearerToken(token)
        .json({ pixelType, funnelId: funnel.id, pixelId })
      response.assertStatus(422)
      assert.equal(rulesOf(response.body()).pixelId, rule, `${pixelType} ${pixelId}`)
    }
    const response = await client
      .post(route('api.pixels.store'))
      .bearerToken(token)
      .json({ pixelType: 'facebook', funnelId: funnel.id, pixelId: '1234' })
    assert.equal(response.body().errors[0].message, 'O ID do pixel da Meta tem 15 ou 16 dígitos')
  })

  test('the funnel must be of the workspace, the step of that funnel (422)', async ({
    client,
    assert,
  }) => {
    const { token, funnel, workspace } = await setup()
    const sibling = await funnelWithSteps(workspace, 1)
    const other = await createTenant()
    const foreign = await funnelWithSteps(other.workspace, 1)

    const foreignFunnel = await client
      .post(route('api.pixels.store'))
      .bearerToken(token)
      .json({ pixelType: 'facebook', funnelId: foreign.funnel.id, pixelId: '123456789012345' })
    foreignFunnel.assertStatus(422)
    assert.equal(rulesOf(foreignFunnel.body()).funnelId, 'pixel_funnel_of_workspace')

    for (const stepId of [sibling.steps[0].id, foreign.steps[0].id, 999999]) {
      const response = await client
        .post(route('api.pixels.store'))
        .bearerToken(token)
        .json({ pixelType: 'facebook', funnelId: funnel.id, stepId, pixelId: '123456789012345' })
      response.assertStatus(422)
      assert.equal(rulesOf(response.body()).stepId, 'pixel_step_of_funnel')
    }
    assert.lengthOf(await TrackingPixel.all(), 0)
  })

  test('event names are identifiers (422)', async ({ client, assert }) => {
    const { token, funnel } = await setup()
    const response = await client.post(route('api.pixels.store')).bearerToken(token).json({
      pixelType: 'facebook',
      funnelId: funnel.id,
      pixelId: '123456789012345',
      eventName: 'Compra <script>',
    })
    response.assertStatus(422)
    assert.equal(rulesOf(response.body()).eventName, 'regex')
  })
})

test.group('API pixels: custom snippet', (group) => {
  freshDatabase(group)

  test('the snippet is sanitised on save', async ({ client, assert }) => {
    const { token, funnel } = await setup()
    const snippet = [
      '<script async src="https://cdn.vendor.com/pixel.js">steal(document.cookie)</script>',
      '<script>alert(1)</script>',
      '<img src="https://t.vendor.com/p.gif" onerror="alert(1)" width="1" height="1">',
      '<noscript><img src="https://t.vendor.com/n.gif"></noscript>',
      '<iframe src="https://evil.example"></iframe>',
      '<script src="http://insecure.example/p.js"></script>',
    ].join('\n')
    const response = await client.post(route('api.pixels.store')).bearerToken(token).json({
      pixelType: 'custom',
      funnelId: funnel.id,
      pixelId: 'Vendor X',
      settings: { snippet },
    })
    response.assertStatus(201)
    const expected = [
      '<script async src="https://cdn.vendor.com/pixel.js"></script>',
      '',
      '<img src="https://t.vendor.com/p.gif" width="1" height="1" />',
      '<noscript><img src="https://t.vendor.com/n.gif" /></noscript>',
      '',
      '',
    ]
      .join('\n')
      .trim()
    assert.equal(response.body().pixel.settings.snippet, expected)
    const row = await db.from('tracking_pixels').where('id', response.body().pixel.id).first()
    assert.equal(row.settings.snippet, expected)
    assert.notInclude(JSON.stringify(row.settings), 'alert')
    assert.notInclude(JSON.stringify(row.settings), 'onerror')
    assert.notInclude(JSON.stringify(row.settings), 'steal')
  })

  test('a custom pixel needs a snippet with something allowed (422)', async ({
    client,
    assert,
  }) => {
    const { token, funnel } = await setup()
    const missing = await client
      .post(route('api.pixels.store'))
      .bearerToken(token)
      .json({ pixelType: 'custom', funnelId: funnel.id, pixelId: 'Vendor X' })
    missing.assertStatus(422)
    assert.equal(rulesOf(missing.body()).settings, 'required')

    const inlineOnly = await client
      .post(route('api.pixels.store'))
      .bearerToken(token)
      .json({
        pixelType: 'custom',
        funnelId: funnel.id,
        pixelId: 'Vendor X',
        settings: { snippet: '<script>fbq("init", "1")</script><div onclick="x()">oi</div>' },
      })
    inlineOnly.assertStatus(422)
    assert.equal(rulesOf(inlineOnly.body())['settings.snippet'], 'snippet_empty')
  })

  test('other types keep no snippet', async ({ client, assert }) => {
    const { token, funnel } = await setup()
    const response = await client
      .post(route('api.pixels.store'))
      .bearerToken(token)
      .json({
        pixelType: 'facebook',
        funnelId: funnel.id,
        pixelId: '123456789012345',
        settings: { snippet: '<script src="https://cdn.vendor.com/p.js"></script>' },
      })
    response.assertStatus(201)
    assert.deepEqual(response.body().pixel.settings, {})
    const row = await db.from('tracking_pixels').where('id', response.body().pixel.id).first()
    assert.deepEqual(row.settings, {})
  })

  test('updating the snippet sanitises it again', async ({ client, assert }) => {
    const { token, funnel, workspace } = await setup()
    const pixel = await pixelOf(workspace, funnel.id, {
      pixelType: 'custom',
      pixelId: 'Vendor',
      settings: { snippet: '<img src="https://a.com/p.gif" />' },
    })
    const response = await client
      .put(route('api.pixels.update', { id: pixel.id }))
      .bearerToken(token)
      .json({ settings: { snippet: '<img src="https://b.com/p.gif" onload="x()">' } })
    response.assertStatus(200)
    await pixel.refresh()
    assert.equal(pixel.settings.snippet, '<img src="https://b.com/p.gif" />')
  })
})

test.group('API pixels: tenancy and roles', (group) => {
  freshDatabase(group)

  test("another workspace's pixel is a 404 on show, update and delete", async ({
    client,
    assert,
  }) => {
    const { token } = await setup()
    const other = await createTenant()
    const foreign = await funnelWithSteps(other.workspace, 1)
    const pixel = await pixelOf(other.workspace, foreign.funnel.id)

    await expectStatus(
      client.get(route('api.pixels.show', { id: pixel.id })).bearerToken(token),
      404
    )
    await expectStatus(
      client
        .put(route('api.pixels.update', { id: pixel.id }))
        .bearerToken(token)
        .json({ eventName: 'Lead' }),
      404
    )
    await expectStatus(
      client.delete(route('api.pixels.destroy', { id: pixel.id })).bearerToken(token),
      404
    )

    const list = await client.get(route('api.pixels.index')).bearerToken(token)
    assert.lengthOf(list.body().data, 0)
    const filtered = await client
      .get(route('api.pixels.index'))
      .bearerToken(token)
      .qs({ funnel_id: foreign.funnel.id })
    assert.lengthOf(filtered.body().data, 0)

    await pixel.refresh()
    assert.isNull(pixel.eventName)
  })

  test('viewers read but cannot write (403)', async ({ client, assert }) => {
    const { agency, workspace, funnel } = await setup()
    const pixel = await pixelOf(workspace, funnel.id)
    for (const viewer of [
      await agencyMember(agency, 'viewer'),
      await workspaceMember(workspace, 'viewer'),
    ]) {
      const token = await apiToken(viewer, workspace)
      await expectStatus(client.get(route('api.pixels.index')).bearerToken(token), 200)
      await expectStatus(
        client.get(route('api.pixels.show', { id: pixel.id })).bearerToken(token),
        200
      )
      await expectStatus(
        client
          .post(route('api.pixels.store'))
          .bearerToken(token)
          .json({ pixelType: 'facebook', funnelId: funnel.id, pixelId: '123456789012345' }),
        403
      )
      await expectStatus(
        client
          .put(route('api.pixels.update', { id: pixel.id }))
          .bearerToken(token)
          .json({ eventName: 'Lead' }),
        403
      )
      await expectStatus(
        client.delete(route('api.pixels.destroy', { id: pixel.id })).bearerToken(token),
        403
      )
    }
    await pixel.refresh()
    assert.isNull(pixel.eventName)
    assert.lengthOf(await TrackingPixel.all(), 1)
  })

  test('an editor writes', async ({ client }) => {
    const { agency, workspace, funnel } = await setup()
    const editor = await agencyMember(agency, 'editor')
    const token = await apiToken(editor, workspace)
    const response = await client
      .post(route('api.pixels.store'))
      .bearerToken(token)
      .json({ pixelType: 'facebook', funnelId: funnel.id, pixelId: '1234567890123456' })
    response.assertStatus(201)
  })

  test('without a token the API answers 401', async ({ client }) => {
    const response = await client.get(route('api.pixels.index'))
    response.assertStatus(401)
  })
})
