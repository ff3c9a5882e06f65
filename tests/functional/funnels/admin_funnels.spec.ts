import { test } from '@japa/runner'
import { urlFor } from '@adonisjs/core/services/url_builder'
import type { ApiClient } from '@japa/api-client'
import { freshDatabase } from '#tests/helpers/database'
import { asInertia } from '#tests/helpers/inertia'
import { agencyMember, createTenant, workspaceMember } from '#tests/helpers/tenants'
import { WorkspaceFactory } from '#database/factories/workspace_factory'
import { FunnelFactory } from '#database/factories/funnel_factory'
import { publish } from '#tests/helpers/publish'
import { PaymentFactory } from '#database/factories/payment_factory'
import Funnel from '#models/funnel'
import FunnelStep from '#models/funnel_step'
import type User from '#models/user'
import { VALID_CONTENT, funnelWithSteps, stepIdsInOrder, stepOrder } from './helpers.js'
import { route } from '#tests/helpers/routes'

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE'

/** An admin request as the browser sends it: session, CSRF token, no redirect following. */
function adminRequest(
  client: ApiClient,
  user: User,
  method: Method,
  url: string,
  body?: Record<string, unknown>
) {
  const request = client.request(url, method).loginAs(user).redirects(0)
  if (method === 'GET') return asInertia(request)
  request.withCsrfToken().header('referer', url)
  return body ? request.json(body) : request
}

/** Every admin funnel route but the list, for a funnel and one of its steps. */
function adminRoutes(slug: string, funnelId: number, stepId: number, stepIds: number[]) {
  const base = route('w.funnels.show', { workspaceSlug: slug, id: funnelId })
  return [
    ['GET', base, undefined],
    ['PUT', base, { name: 'Intruso' }],
    ['DELETE', base, undefined],
    ['POST', `${base}/clone`, {}],
    ['POST', `${base}/archive`, {}],
    ['POST', `${base}/unarchive`, {}],
    ['POST', `${base}/steps`, { name: 'Intrusa', stepType: 'checkout' }],
    ['PUT', `${base}/steps/reorder`, { ids: [...stepIds].reverse() }],
    ['PUT', `${base}/steps/${stepId}`, { name: 'Intrusa' }],
    ['DELETE', `${base}/steps/${stepId}`, undefined],
  ] as const
}

test.group('Admin funnels: pages', (group) => {
  freshDatabase(group)

  test('the list page shows the funnels, filters and clone targets', async ({ client, assert }) => {
    const { owner, agency, workspace } = await createTenant()
    const sibling = await WorkspaceFactory.merge({ agencyId: agency.id, name: 'Zeta' }).create()
    await createTenant()
    const { funnel } = await funnelWithSteps(workspace, ['capture', 'vsl'], {
      name: 'Black Friday',
    })
    await publish(funnel)
    await FunnelFactory.merge({ workspaceId: workspace.id, name: 'Páscoa' }).create()

    const page = await adminRequest(
      client,
      owner,
      'GET',
      urlFor('w.funnels.index', { workspaceSlug: workspace.slug })
    )
    page.assertStatus(200)
    assert.equal(page.body().component, 'funnels/index')
    const props = page.body().props
    assert.equal(props.funnels.meta.total, 2)
    const row = props.funnels.data.find((item: any) => item.id === funnel.id)
    assert.equal(row.stepsCount, 2)
    assert.equal(row.status, 'active')
    assert.deepEqual(props.filters, { search: '', archived: false, active: null })
    assert.sameMembers(
      props.cloneTargets.map((target: any) => target.id),
      [workspace.id, sibling.id]
    )

    const searched = await adminRequest(
      client,
      owner,
      'GET',
      route('w.funnels.index', { workspaceSlug: workspace.slug }, { qs: { search: 'black' } })
    )
    assert.deepEqual(
      searched.body().props.funnels.data.map((item: any) => item.name),
      ['Black Friday']
    )
    assert.equal(searched.body().props.filters.search, 'black')
  })

  test('the builder page shows the funnel, its steps and the selected step', async ({
    client,
    assert,
  }) => {
    const { owner, workspace } = await createTenant()
    const { funnel, steps } = await funnelWithSteps(workspace)
    const base = route('w.funnels.show', { workspaceSlug: workspace.slug, id: funnel.id })

    const page = await adminRequest(client, owner, 'GET', base)
    page.assertStatus(200)
    assert.equal(page.body().component, 'funnels/show')
    const props = page.body().props
    assert.deepEqual(
      props.funnel.steps.map((step: any) => step.id),
      steps.map((step) => step.id)
    )
    assert.equal(props.selectedStepId, steps[0].id)
    assert.deepEqual(props.stepTypes, ['capture', 'vsl', 'checkout', 'upsell', 'thankyou'])

    const selected = await adminRequest(client, owner, 'GET', `${base}?step=${steps[3].id}`)
    assert.equal(selected.body().props.selectedStepId, steps[3].id)
    const unknown = await adminRequest(client, owner, 'GET', `${base}?step=999999`)
    assert.equal(unknown.body().props.selectedStepId, steps[0].id)
  })

  test('viewers open both pages read-only', async ({ client, assert }) => {
    const { agency, workspace } = await createTenant()
    const { funnel } = await funnelWithSteps(workspace)
    const viewer = await agencyMember(agency, 'viewer')
    const list = await adminRequest(
      client,
      viewer,
      'GET',
      urlFor('w.funnels.index', { workspaceSlug: workspace.slug })
    )
    list.assertStatus(200)
    assert.isFalse(list.body().props.workspace.can.write)
    assert.deepEqual(list.body().props.cloneTargets, [])
    const builder = await adminRequest(
      client,
      viewer,
      'GET',
      route('w.funnels.show', { workspaceSlug: workspace.slug, id: funnel.id })
    )
    builder.assertStatus(200)
  })
})

test.group('Admin funnels: writes', (group) => {
  freshDatabase(group)

  test('creates a funnel and opens it in the builder', async ({ client, assert }) => {
    const { owner, workspace } = await createTenant()
    const response = await adminRequest(
      client,
      owner,
      'POST',
      urlFor('w.funnels.store', { workspaceSlug: workspace.slug }),
      {
        name: 'Lançamento de Páscoa',
        slug: '',
        description: '',
      }
    )
    response.assertStatus(302)
    const funnel = await Funnel.findByOrFail('slug', 'lancamento-de-pascoa')
    assert.isNull(funnel.description)
    response.assertHeader(
      'location',
      route('w.funnels.show', { workspaceSlug: workspace.slug, id: funnel.id })
    )
    assert.equal(response.flashMessages().success, 'Funil criado')
  })

  test('validation errors go back to the form, under their fields', async ({ client, assert }) => {
    const { owner, workspace } = await createTenant()
    await FunnelFactory.merge({ workspaceId: workspace.id, slug: 'ocupado' }).create()
    const response = await adminRequest(
      client,
      owner,
      'POST',
      urlFor('w.funnels.store', { workspaceSlug: workspace.slug }),
      {
        name: '',
        slug: 'ocupado',
      }
    )
    response.assertStatus(302)
    const errors = response.flashMessages().inputErrorsBag as Record<string, string[]>
    assert.property(errors, 'name')
    assert.deepEqual(errors.slug, ['Este identificador já está em uso'])
    assert.lengthOf(await Funnel.all(), 1)
  })

  test('updates, archives and unarchives a funnel with a toast', async ({ client, assert }) => {
    const { owner, workspace } = await createTenant()
    const funnel = await FunnelFactory.merge({ workspaceId: workspace.id }).create()
    const base = route('w.funnels.show', { workspaceSlug: workspace.slug, id: funnel.id })

    const update = await adminRequest(client, owner, 'PUT', base, {
      name: 'Renomeado',
      slug: 'renomeado',
      isActive: 'false',
    })
    update.assertStatus(302)
    assert.equal(update.flashMessages().success, 'Funil atualizado')
    await funnel.refresh()
    assert.deepEqual([funnel.name, funnel.slug, funnel.isActive], ['Renomeado', 'renomeado', false])

    const archive = await adminRequest(client, owner, 'POST', `${base}/archive`)
    assert.equal(archive.flashMessages().success, 'Funil arquivado')
    await funnel.refresh()
    assert.isNotNull(funnel.archivedAt)
    const unarchive = await adminRequest(client, owner, 'POST', `${base}/unarchive`)
    assert.equal(unarchive.flashMessages().success, 'Funil desarquivado')
    await funnel.refresh()
    assert.isNull(funnel.archivedAt)
  })

  test('deletes a funnel; one with payments shows the 409 message instead', async ({
    client,
    assert,
  }) => {
    const { owner, workspace } = await createTenant()
    const { funnel } = await funnelWithSteps(workspace)
    const paid = await funnelWithSteps(workspace, ['checkout'])
    await PaymentFactory.merge({ workspaceId: workspace.id, funnelId: paid.funnel.id }).create()

    const refused = await adminRequest(
      client,
      owner,
      'DELETE',
      route('w.funnels.destroy', { workspaceSlug: workspace.slug, id: paid.funnel.id })
    )
    refused.assertStatus(302)
    const message = refused.flashMessages().error as string
    assert.match(message, /Arquive-o/)
    assert.deepEqual(refused.flashMessages().inputErrorsBag, { funnel: [message] })
    assert.exists(await Funnel.find(paid.funnel.id))

    const deleted = await adminRequest(
      client,
      owner,
      'DELETE',
      urlFor('w.funnels.destroy', { workspaceSlug: workspace.slug, id: funnel.id })
    )
    deleted.assertStatus(302)
    deleted.assertHeader('location', route('w.funnels.index', { workspaceSlug: workspace.slug }))
    assert.equal(deleted.flashMessages().success, 'Funil excluído')
    assert.isNull(await Funnel.find(funnel.id))
  })

  test('clones into a sibling workspace and opens the copy there', async ({ client, assert }) => {
    const { owner, agency, workspace } = await createTenant()
    const sibling = await WorkspaceFactory.merge({ agencyId: agency.id, name: 'Loja B' }).create()
    const { funnel } = await funnelWithSteps(workspace, undefined, { slug: 'oferta' })

    const response = await adminRequest(
      client,
      owner,
      'POST',
      urlFor('w.funnels.clone', { workspaceSlug: workspace.slug, id: funnel.id }),
      { targetWorkspaceId: String(sibling.id), name: 'Oferta B' }
    )
    response.assertStatus(302)
    const copy = await Funnel.findByOrFail('workspace_id', sibling.id)
    assert.equal(copy.name, 'Oferta B')
    assert.equal(copy.slug, 'oferta-copia')
    response.assertHeader(
      'location',
      route('w.funnels.show', { workspaceSlug: sibling.slug, id: copy.id })
    )
    assert.equal(response.flashMessages().success, 'Cópia "Oferta B" criada em Loja B')
    assert.lengthOf(await FunnelStep.query().where('funnel_id', copy.id), 5)

    const foreign = await createTenant()
    const refused = await adminRequest(
      client,
      owner,
      'POST',
      urlFor('w.funnels.clone', { workspaceSlug: workspace.slug, id: funnel.id }),
      { targetWorkspaceId: String(foreign.workspace.id) }
    )
    refused.assertStatus(404)
    assert.lengthOf(await Funnel.query().where('workspace_id', foreign.workspace.id), 0)
  })

  test('adds, edits, reorders and deletes steps from the builder', async ({ client, assert }) => {
    const { owner, workspace } = await createTenant()
    const { funnel, steps } = await funnelWithSteps(workspace, ['capture', 'vsl'])
    const base = route('w.funnels.show', { workspaceSlug: workspace.slug, id: funnel.id })

    const added = await adminRequest(client, owner, 'POST', `${base}/steps`, {
      name: 'Obrigado',
      stepType: 'thankyou',
    })
    added.assertStatus(302)
    const created = await FunnelStep.findByOrFail('slug', 'obrigado')
    added.assertHeader('location', `${base}?step=${created.id}`)
    assert.equal(added.flashMessages().success, 'Etapa adicionada')
    assert.equal(created.orderIndex, 2)

    const edited = await adminRequest(client, owner, 'PUT', `${base}/steps/${steps[0].id}`, {
      name: 'Inscrição',
      stepType: 'capture',
      isActive: true,
      content: { ...VALID_CONTENT.capture, nextStepId: created.id },
    })
    edited.assertStatus(302)
    edited.assertHeader('location', `${base}?step=${steps[0].id}`)
    assert.equal(edited.flashMessages().success, 'Etapa salva')
    const saved = await FunnelStep.findOrFail(steps[0].id)
    assert.equal(saved.name, 'Inscrição')
    assert.equal(saved.content.nextStepId, created.id)
    assert.equal(saved.version, 2)

    const invalid = await adminRequest(client, owner, 'PUT', `${base}/steps/${steps[1].id}`, {
      content: { ...VALID_CONTENT.vsl, videoUrl: 'https://example.com/video' },
    })
    invalid.assertStatus(302)
    assert.deepEqual(invalid.flashMessages().inputErrorsBag, {
      'content.videoUrl': ['Use um link do YouTube, do Vimeo ou de um arquivo .mp4 com https'],
    })

    const order = [created.id, steps[0].id, steps[1].id]
    const reordered = await adminRequest(client, owner, 'PUT', `${base}/steps/reorder`, {
      ids: order,
    })
    reordered.assertStatus(302)
    assert.equal(reordered.flashMessages().success, 'Ordem das etapas salva')
    assert.deepEqual(await stepIdsInOrder(funnel), order)
    const badOrder = await adminRequest(client, owner, 'PUT', `${base}/steps/reorder`, {
      ids: [created.id, steps[0].id],
    })
    assert.property(badOrder.flashMessages().inputErrorsBag, 'ids')

    const removed = await adminRequest(client, owner, 'DELETE', `${base}/steps/${created.id}`)
    removed.assertStatus(302)
    removed.assertHeader('location', base)
    assert.equal(removed.flashMessages().success, 'Etapa excluída')
    assert.deepEqual(await stepOrder(funnel), [
      { id: steps[0].id, orderIndex: 0 },
      { id: steps[1].id, orderIndex: 1 },
    ])
    const first = await FunnelStep.findOrFail(steps[0].id)
    assert.isNull(first.content.nextStepId)
  })
})

test.group('Admin funnels: tenancy and roles', (group) => {
  freshDatabase(group)

  test("another workspace's funnel and step ids are a 404 on every admin route", async ({
    client,
    assert,
  }) => {
    const { owner, workspace } = await createTenant()
    const other = await createTenant()
    const { funnel, steps } = await funnelWithSteps(other.workspace)
    const own = await funnelWithSteps(workspace, ['capture'])

    const routes = [
      ...adminRoutes(
        workspace.slug,
        funnel.id,
        steps[0].id,
        steps.map((s) => s.id)
      ),
      [
        'PUT',
        route('w.steps.update', {
          workspaceSlug: workspace.slug,
          funnelId: own.funnel.id,
          stepId: steps[0].id,
        }),
        { name: 'X' },
      ],
      [
        'DELETE',
        route('w.steps.destroy', {
          workspaceSlug: workspace.slug,
          funnelId: own.funnel.id,
          stepId: steps[0].id,
        }),
        undefined,
      ],
      /** The other workspace's own URLs are not reachable either. */
      ['GET', route('w.funnels.index', { workspaceSlug: other.workspace.slug }), undefined],
      ...adminRoutes(
        other.workspace.slug,
        funnel.id,
        steps[0].id,
        steps.map((s) => s.id)
      ),
    ] as const
    for (const [method, url, body] of routes) {
      const response = await adminRequest(client, owner, method, url, body)
      assert.equal(response.status(), 404, `${method} ${url}`)
    }
    await funnel.refresh()
    assert.notEqual(funnel.name, 'Intruso')
    assert.isNull(funnel.archivedAt)
    assert.lengthOf(await FunnelStep.query().where('funnel_id', funnel.id), 5)
    assert.lengthOf(await Funnel.all(), 2)
  })

  test('viewers get a 403 on every admin write', async ({ client, assert }) => {
    const { agency, workspace } = await createTenant()
    const { funnel, steps } = await funnelWithSteps(workspace)
    const viewers = [
      await agencyMember(agency, 'viewer'),
      await workspaceMember(workspace, 'viewer'),
    ]

    for (const viewer of viewers) {
      const create = await adminRequest(
        client,
        viewer,
        'POST',
        route('w.funnels.store', { workspaceSlug: workspace.slug }),
        {
          name: 'Novo',
        }
      )
      create.assertStatus(403)
      for (const [method, url, body] of adminRoutes(
        workspace.slug,
        funnel.id,
        steps[0].id,
        steps.map((s) => s.id)
      )) {
        const response = await adminRequest(client, viewer, method, url, body)
        assert.equal(response.status(), method === 'GET' ? 200 : 403, `${method} ${url}`)
      }
    }
    assert.lengthOf(await Funnel.all(), 1)
    assert.deepEqual(
      await stepIdsInOrder(funnel),
      steps.map((s) => s.id)
    )
  })
})
