import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import { freshDatabase } from '#tests/helpers/database'
import { agencyMember, apiToken, createTenant, workspaceMember } from '#tests/helpers/tenants'
import { FunnelFactory } from '#database/factories/funnel_factory'
import { FunnelStepFactory } from '#database/factories/funnel_step_factory'
import { publish } from '#tests/helpers/publish'
import { CheckoutConfigFactory } from '#database/factories/checkout_config_factory'
import { TrackingPixelFactory } from '#database/factories/tracking_pixel_factory'
import { PaymentFactory } from '#database/factories/payment_factory'
import Funnel from '#models/funnel'
import FunnelStep from '#models/funnel_step'
import CheckoutConfig from '#models/checkout_config'
import TrackingPixel from '#models/tracking_pixel'
import { funnelWithSteps, queriesDuring, stepIdsInOrder } from './helpers.js'
import { serverUrl } from '#tests/helpers/server'
import { route } from '#tests/helpers/routes'

const serverPort = () => new URL(serverUrl()).port

test.group('API funnels: list', (group) => {
  freshDatabase(group)

  test('lists the workspace funnels with their step counts and pagination meta', async ({
    client,
    assert,
  }) => {
    const { owner, workspace } = await createTenant()
    const token = await apiToken(owner, workspace)
    const { funnel: full } = await funnelWithSteps(workspace)
    await publish(full)
    const empty = await FunnelFactory.merge({ workspaceId: workspace.id }).create()
    const other = await createTenant()
    await funnelWithSteps(other.workspace)

    const response = await client.get(route('api.funnels.index')).bearerToken(token)
    response.assertStatus(200)
    const counts = Object.fromEntries(
      response.body().data.map((row: any) => [row.id, row.stepsCount])
    )
    assert.deepEqual(counts, { [full.id]: 5, [empty.id]: 0 })
    assert.deepEqual(response.body().meta, { total: 2, perPage: 25, currentPage: 1, lastPage: 1 })
    const row = response.body().data.find((item: any) => item.id === full.id)
    assert.equal(row.status, 'active')
    assert.isString(row.publishedAt)
    /** Never published: a draft, whatever its active flag says (issue 18 item 4). */
    const draft = response.body().data.find((item: any) => item.id === empty.id)
    assert.equal(draft.status, 'draft')
    assert.isNull(draft.publishedAt)
    /** Development (PUBLIC_DOMAIN localhost): the scheme and port this request came in on. */
    assert.equal(row.publicUrl, `http://${workspace.slug}.localhost:${serverPort()}/${full.slug}`)
    assert.notProperty(row, 'steps')
  })

  test('pages through the list (page, perPage)', async ({ client, assert }) => {
    const { owner, workspace } = await createTenant()
    const token = await apiToken(owner, workspace)
    await FunnelFactory.merge({ workspaceId: workspace.id }).createMany(5)

    const second = await client
      .get(route('api.funnels.index', {}, { qs: { perPage: '2', page: '2' } }))
      .bearerToken(token)
    second.assertStatus(200)
    assert.lengthOf(second.body().data, 2)
    assert.deepEqual(second.body().meta, { total: 5, perPage: 2, currentPage: 2, lastPage: 3 })
    const last = await client
      .get(route('api.funnels.index', {}, { qs: { perPage: '2', page: '3' } }))
      .bearerToken(token)
    assert.lengthOf(last.body().data, 1)

    const invalid = await client
      .get(route('api.funnels.index', {}, { qs: { perPage: '500' } }))
      .bearerToken(token)
    invalid.assertStatus(422)
    assert.equal(invalid.body().errors[0].field, 'perPage')
  })

  test('the step counts come from the same query: no query per row', async ({ client, assert }) => {
    const { owner, workspace } = await createTenant()
    const token = await apiToken(owner, workspace)
    await funnelWithSteps(workspace, ['capture'])
    const few = await queriesDuring(() => client.get(route('api.funnels.index')).bearerToken(token))

    for (let i = 0; i < 8; i++) await funnelWithSteps(workspace, ['capture', 'vsl'])
    let body: any
    const many = await queriesDuring(async () => {
      const response = await client.get(route('api.funnels.index')).bearerToken(token)
      body = response.body()
    })
    assert.lengthOf(body.data, 9)
    assert.equal(many.length, few.length)
    assert.isTrue(many.some((sql) => /count\(\*\)/i.test(sql) && /funnel_steps/.test(sql)))
  })

  test('filters by name (?search=) and by status (?active=)', async ({ client, assert }) => {
    const { owner, workspace } = await createTenant()
    const token = await apiToken(owner, workspace)
    await FunnelFactory.merge({ workspaceId: workspace.id, name: 'Black Friday 2026' }).create()
    await FunnelFactory.merge({
      workspaceId: workspace.id,
      name: 'Lançamento de Páscoa',
      isActive: false,
    }).create()
    await FunnelFactory.merge({ workspaceId: workspace.id, name: '100% off_promo' }).create()

    const search = await client
      .get(route('api.funnels.index', {}, { qs: { search: 'black' } }))
      .bearerToken(token)
    assert.deepEqual(
      search.body().data.map((row: any) => row.name),
      ['Black Friday 2026']
    )
    for (const term of ['pascoa', 'LANÇAMENTO', 'de Pás']) {
      const folded = await client
        .get(`${route('api.funnels.index')}?search=${encodeURIComponent(term)}`)
        .bearerToken(token)
      assert.deepEqual(
        folded.body().data.map((row: any) => row.name),
        ['Lançamento de Páscoa'],
        `accents and case do not matter: ${term}`
      )
    }
    const percent = await client.get(`${route('api.funnels.index')}?search=%25`).bearerToken(token)
    assert.deepEqual(
      percent.body().data.map((row: any) => row.name),
      ['100% off_promo'],
      'LIKE wildcards in the search are literal'
    )
    const inactive = await client
      .get(route('api.funnels.index', {}, { qs: { active: 'false' } }))
      .bearerToken(token)
    assert.deepEqual(
      inactive.body().data.map((row: any) => [row.name, row.status]),
      /** Switched off but never published: its status is 'draft' (the filter reads the flag). */
      [['Lançamento de Páscoa', 'draft']]
    )
    const active = await client
      .get(route('api.funnels.index', {}, { qs: { active: 'true' } }))
      .bearerToken(token)
    assert.lengthOf(active.body().data, 2)
  })

  test('archived funnels are left out unless ?archived=true', async ({ client, assert }) => {
    const { owner, workspace } = await createTenant()
    const token = await apiToken(owner, workspace)
    const live = await FunnelFactory.merge({ workspaceId: workspace.id }).create()
    const archived = await FunnelFactory.merge({
      workspaceId: workspace.id,
      archivedAt: DateTime.now(),
    }).create()

    const list = await client.get(route('api.funnels.index')).bearerToken(token)
    assert.deepEqual(
      list.body().data.map((row: any) => row.id),
      [live.id]
    )
    const all = await client
      .get(route('api.funnels.index', {}, { qs: { archived: 'true' } }))
      .bearerToken(token)
    const statuses = Object.fromEntries(all.body().data.map((row: any) => [row.id, row.status]))
    /** Archived wins over draft; the other one was never published. */
    assert.deepEqual(statuses, { [live.id]: 'draft', [archived.id]: 'archived' })
  })
})

test.group('API funnels: create, show, update', (group) => {
  freshDatabase(group)

  test('creates a funnel; the slug comes from the name without accents', async ({
    client,
    assert,
  }) => {
    const { owner, workspace } = await createTenant()
    const token = await apiToken(owner, workspace)
    const response = await client
      .post(route('api.funnels.store'))
      .bearerToken(token)
      .json({
        name: '  Lançamento Black Friday!  ',
        description: 'Oferta de novembro',
        niche: 'infoprodutos',
        settings: { theme: 'dark' },
      })
    response.assertStatus(201)
    const body = response.body().funnel
    assert.equal(body.name, 'Lançamento Black Friday!')
    assert.equal(body.slug, 'lancamento-black-friday')
    assert.isTrue(body.isActive)
    assert.deepEqual(body.steps, [])

    const saved = await Funnel.findOrFail(body.id)
    assert.equal(saved.workspaceId, workspace.id)
    assert.equal(saved.createdBy, owner.id)
    assert.deepEqual(saved.settings, { theme: 'dark' })
    assert.equal(saved.niche, 'infoprodutos')

    const again = await client
      .post(route('api.funnels.store'))
      .bearerToken(token)
      .json({ name: 'Lancamento  black friday' })
    assert.equal(again.body().funnel.slug, 'lancamento-black-friday-2')
  })

  test('the same slug may exist in another workspace', async ({ client, assert }) => {
    const { owner, workspace } = await createTenant()
    const other = await createTenant()
    await FunnelFactory.merge({ workspaceId: other.workspace.id, slug: 'oferta' }).create()
    const response = await client
      .post(route('api.funnels.store'))
      .bearerToken(await apiToken(owner, workspace))
      .json({ name: 'Oferta', slug: 'oferta' })
    response.assertStatus(201)
    assert.equal(response.body().funnel.slug, 'oferta')
  })

  test('refuses bad input with field errors (422)', async ({ client, assert }) => {
    const { owner, workspace } = await createTenant()
    const token = await apiToken(owner, workspace)
    await FunnelFactory.merge({ workspaceId: workspace.id, slug: 'ocupado' }).create()

    const cases: Array<[Record<string, unknown>, string, string]> = [
      [{}, 'name', 'required'],
      [{ name: 'X' }, 'name', 'minLength'],
      [{ name: 'Funil', slug: 'ocupado' }, 'slug', 'database.unique'],
      [{ name: 'Funil', slug: 'Com Espaço' }, 'slug', 'regex'],
      [{ name: 'Funil', slug: '-hifen' }, 'slug', 'regex'],
      [{ name: 'Funil', slug: 'api' }, 'slug', 'notIn'],
      [{ name: 'Funil', isActive: 'talvez' }, 'isActive', 'boolean'],
      [{ name: 'Funil', settings: [1, 2] }, 'settings', 'object'],
      [{ name: 'Funil', niche: 'x'.repeat(101) }, 'niche', 'maxLength'],
    ]
    for (const [payload, field, rule] of cases) {
      const response = await client
        .post(route('api.funnels.store'))
        .bearerToken(token)
        .json(payload)
      response.assertStatus(422)
      const error = response.body().errors.find((e: any) => e.field === field)
      assert.exists(error, JSON.stringify(payload))
      assert.equal(error.rule, rule, JSON.stringify(payload))
    }
    const taken = await client
      .post(route('api.funnels.store'))
      .bearerToken(token)
      .json({ name: 'Funil', slug: 'ocupado' })
    assert.equal(taken.body().errors[0].message, 'Este identificador já está em uso')
    assert.lengthOf(await Funnel.all(), 1)
  })

  test('shows a funnel with its steps in order', async ({ client, assert }) => {
    const { owner, workspace } = await createTenant()
    const { funnel, steps } = await funnelWithSteps(workspace)
    await steps[0].merge({ orderIndex: 9 }).save()
    await steps[4].merge({ orderIndex: 0 }).save()
    await steps[0].merge({ orderIndex: 4 }).save()

    const response = await client
      .get(route('api.funnels.show', { id: funnel.id }))
      .bearerToken(await apiToken(owner, workspace))
    response.assertStatus(200)
    const body = response.body().funnel
    assert.equal(body.stepsCount, 5)
    assert.deepEqual(
      body.steps.map((step: any) => step.id),
      [steps[4].id, steps[1].id, steps[2].id, steps[3].id, steps[0].id]
    )
    assert.deepEqual(body.steps[0].content, steps[4].content)
  })

  test('updates only the fields sent; the slug stays unique', async ({ client, assert }) => {
    const { owner, workspace } = await createTenant()
    const token = await apiToken(owner, workspace)
    const funnel = await FunnelFactory.merge({
      workspaceId: workspace.id,
      name: 'Antigo',
      slug: 'antigo',
      niche: 'saude',
    }).create()
    /** Published, so switching it off reads 'inactive' (a never-published funnel is a draft). */
    await FunnelStepFactory.merge({ workspaceId: workspace.id, funnelId: funnel.id }).create()
    await publish(funnel)
    await FunnelFactory.merge({ workspaceId: workspace.id, slug: 'ocupado' }).create()

    const response = await client
      .put(route('api.funnels.update', { id: funnel.id }))
      .bearerToken(token)
      .json({ name: 'Novo nome', isActive: false, description: null })
    response.assertStatus(200)
    await funnel.refresh()
    assert.equal(funnel.name, 'Novo nome')
    assert.equal(funnel.slug, 'antigo', 'the slug does not follow the name')
    assert.equal(funnel.niche, 'saude')
    assert.isNull(funnel.description)
    assert.isFalse(funnel.isActive)
    assert.equal(response.body().funnel.status, 'inactive')

    const same = await client
      .put(route('api.funnels.update', { id: funnel.id }))
      .bearerToken(token)
      .json({ slug: 'antigo' })
    same.assertStatus(200)
    const taken = await client
      .put(route('api.funnels.update', { id: funnel.id }))
      .bearerToken(token)
      .json({ slug: 'ocupado' })
    taken.assertStatus(422)
    assert.equal(taken.body().errors[0].field, 'slug')
    const renamed = await client
      .put(route('api.funnels.update', { id: funnel.id }))
      .bearerToken(token)
      .json({ slug: 'novo-endereco' })
    assert.equal(renamed.body().funnel.slug, 'novo-endereco')
  })
})

test.group('API funnels: delete and archive', (group) => {
  freshDatabase(group)

  test('deletes a funnel with its steps, checkout configs and pixels', async ({
    client,
    assert,
  }) => {
    const { owner, workspace } = await createTenant()
    const { funnel, steps } = await funnelWithSteps(workspace)
    const kept = await funnelWithSteps(workspace, ['capture'])
    await CheckoutConfigFactory.merge({
      workspaceId: workspace.id,
      funnelId: funnel.id,
      stepId: steps[2].id,
    }).create()
    await TrackingPixelFactory.merge({ workspaceId: workspace.id, funnelId: funnel.id }).create()
    await TrackingPixelFactory.merge({
      workspaceId: workspace.id,
      funnelId: funnel.id,
      stepId: steps[0].id,
    }).create()

    const response = await client
      .delete(route('api.funnels.destroy', { id: funnel.id }))
      .bearerToken(await apiToken(owner, workspace))
    response.assertStatus(204)
    assert.isNull(await Funnel.find(funnel.id))
    assert.lengthOf(await FunnelStep.query().where('funnel_id', funnel.id), 0)
    assert.lengthOf(await CheckoutConfig.query().where('funnel_id', funnel.id), 0)
    assert.lengthOf(await TrackingPixel.query().where('funnel_id', funnel.id), 0)
    assert.lengthOf(await FunnelStep.query().where('funnel_id', kept.funnel.id), 1)
  })

  test('a funnel with payments cannot be deleted (409, archive instead)', async ({
    client,
    assert,
  }) => {
    const { owner, workspace } = await createTenant()
    const { funnel } = await funnelWithSteps(workspace)
    await PaymentFactory.merge({ workspaceId: workspace.id, funnelId: funnel.id }).create()
    const token = await apiToken(owner, workspace)

    const response = await client
      .delete(route('api.funnels.destroy', { id: funnel.id }))
      .bearerToken(token)
    response.assertStatus(409)
    const [error] = response.body().errors
    assert.equal(error.rule, 'funnel_has_payments')
    assert.match(error.message, /Arquive-o/)
    assert.exists(await Funnel.find(funnel.id))
    assert.lengthOf(await FunnelStep.query().where('funnel_id', funnel.id), 5)

    const english = await client
      .delete(route('api.funnels.destroy', { id: funnel.id }))
      .bearerToken(token)
      .header('accept-language', 'en-US')
    assert.match(english.body().errors[0].message, /Archive it/)
  })

  test('archives and unarchives a funnel', async ({ client, assert }) => {
    const { owner, workspace } = await createTenant()
    const token = await apiToken(owner, workspace)
    const funnel = await FunnelFactory.merge({ workspaceId: workspace.id }).create()

    const archived = await client
      .post(route('api.funnels.archive', { id: funnel.id }))
      .bearerToken(token)
    archived.assertStatus(200)
    assert.equal(archived.body().funnel.status, 'archived')
    await funnel.refresh()
    assert.isNotNull(funnel.archivedAt)
    const list = await client.get(route('api.funnels.index')).bearerToken(token)
    assert.lengthOf(list.body().data, 0)

    const again = await client
      .post(route('api.funnels.archive', { id: funnel.id }))
      .bearerToken(token)
    assert.equal(again.body().funnel.archivedAt, archived.body().funnel.archivedAt)

    const restored = await client
      .post(route('api.funnels.unarchive', { id: funnel.id }))
      .bearerToken(token)
    restored.assertStatus(200)
    /** Back to what it was before the archive: a draft, never published. */
    assert.equal(restored.body().funnel.status, 'draft')
    await funnel.refresh()
    assert.isNull(funnel.archivedAt)
  })
})

/** Every funnel and step route, with the verb and a valid body. */
function funnelRoutes(funnelId: number, stepId: number, stepIds: number[]) {
  return [
    ['GET', route('api.funnels.show', { id: funnelId }), undefined],
    ['PUT', route('api.funnels.update', { id: funnelId }), { name: 'Intruso' }],
    ['DELETE', route('api.funnels.destroy', { id: funnelId }), undefined],
    ['POST', route('api.funnels.clone', { id: funnelId }), {}],
    ['POST', route('api.funnels.archive', { id: funnelId }), {}],
    ['POST', route('api.funnels.unarchive', { id: funnelId }), {}],
    ['GET', route('api.steps.index', { funnel_id: funnelId }), undefined],
    [
      'POST',
      route('api.steps.store', { funnel_id: funnelId }),
      { name: 'Intrusa', stepType: 'checkout' },
    ],
    ['PUT', route('api.steps.reorder', { funnel_id: funnelId }), { ids: [...stepIds].reverse() }],
    ['PUT', route('api.steps.update', { funnel_id: funnelId, id: stepId }), { name: 'Intrusa' }],
    ['DELETE', route('api.steps.destroy', { funnel_id: funnelId, id: stepId }), undefined],
  ] as const
}

test.group('API funnels: tenancy and roles', (group) => {
  freshDatabase(group)

  test("another workspace's funnel and step ids are a 404 on every route", async ({
    client,
    assert,
  }) => {
    const { owner, workspace } = await createTenant()
    const token = await apiToken(owner, workspace)
    const other = await createTenant()
    const { funnel, steps } = await funnelWithSteps(other.workspace)
    const own = await funnelWithSteps(workspace)

    const routes = [
      ...funnelRoutes(
        funnel.id,
        steps[0].id,
        steps.map((s) => s.id)
      ),
      /** Own funnel, other workspace's step. */
      [
        'PUT',
        route('api.steps.update', { funnel_id: own.funnel.id, id: steps[0].id }),
        { name: 'X' },
      ],
      [
        'DELETE',
        route('api.steps.destroy', { funnel_id: own.funnel.id, id: steps[0].id }),
        undefined,
      ],
    ] as const
    for (const [method, url, body] of routes) {
      const request = client.request(url, method).bearerToken(token)
      const response = await (body ? request.json(body) : request)
      assert.equal(response.status(), 404, `${method} ${url}`)
      assert.equal(response.body().errors[0].rule, 'not_found')
    }
    await funnel.refresh()
    assert.isNull(funnel.archivedAt)
    assert.notEqual(funnel.name, 'Intruso')
    assert.lengthOf(await FunnelStep.query().where('funnel_id', funnel.id), 5)
    assert.lengthOf(await Funnel.query().where('workspace_id', other.workspace.id), 1)
  })

  test("a step of another funnel of the same workspace is a 404 through this funnel's URL", async ({
    client,
  }) => {
    const { owner, workspace } = await createTenant()
    const token = await apiToken(owner, workspace)
    const a = await funnelWithSteps(workspace, ['capture'])
    const b = await funnelWithSteps(workspace, ['capture'])
    const response = await client
      .put(route('api.steps.update', { funnel_id: a.funnel.id, id: b.steps[0].id }))
      .bearerToken(token)
      .json({ name: 'X' })
    response.assertStatus(404)
  })

  test('viewers read but every write is a 403', async ({ client, assert }) => {
    const { agency, workspace } = await createTenant()
    const { funnel, steps } = await funnelWithSteps(workspace)
    const viewers = [
      await agencyMember(agency, 'viewer'),
      await workspaceMember(workspace, 'viewer'),
    ]

    for (const viewer of viewers) {
      const token = await apiToken(viewer, workspace)
      const list = await client.get(route('api.funnels.index')).bearerToken(token)
      list.assertStatus(200)
      const create = await client
        .post(route('api.funnels.store'))
        .bearerToken(token)
        .json({ name: 'Novo' })
      create.assertStatus(403)
      for (const [method, url, body] of funnelRoutes(
        funnel.id,
        steps[0].id,
        steps.map((s) => s.id)
      )) {
        const request = client.request(url, method).bearerToken(token)
        const response = await (body ? request.json(body) : request)
        assert.equal(response.status(), method === 'GET' ? 200 : 403, `${method} ${url}`)
      }
    }
    assert.lengthOf(await Funnel.all(), 1)
    await funnel.refresh()
    assert.isNull(funnel.archivedAt)
    assert.deepEqual(
      await stepIdsInOrder(funnel),
      steps.map((s) => s.id)
    )
  })

  test('editors write', async ({ client }) => {
    const { agency, workspace } = await createTenant()
    const editor = await agencyMember(agency, 'editor')
    const response = await client
      .post(route('api.funnels.store'))
      .bearerToken(await apiToken(editor, workspace))
      .json({ name: 'Do editor' })
    response.assertStatus(201)
  })
})
