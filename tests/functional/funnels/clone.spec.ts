import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import { freshDatabase } from '#tests/helpers/database'
import {
  agencyMember,
  apiToken,
  createTenant,
  randomSlug,
  workspaceMember,
} from '#tests/helpers/tenants'
import { WorkspaceFactory } from '#database/factories/workspace_factory'
import { CheckoutConfigFactory } from '#database/factories/checkout_config_factory'
import { TrackingPixelFactory } from '#database/factories/tracking_pixel_factory'
import Funnel from '#models/funnel'
import FunnelStep from '#models/funnel_step'
import CheckoutConfig from '#models/checkout_config'
import TrackingPixel from '#models/tracking_pixel'
import type Workspace from '#models/workspace'
import CloneFunnel from '#actions/funnels/clone_funnel'
import { VALID_CONTENT, funnelWithSteps } from './helpers.js'
import { route } from '#tests/helpers/routes'

/** A five-step funnel whose contents, checkout and pixels point at its own steps. */
async function richFunnel(workspace: Workspace) {
  const { funnel, steps } = await funnelWithSteps(workspace, undefined, {
    name: 'Black Friday',
    slug: 'black-friday',
  })
  const [capture, vsl, checkout, upsell, thankyou] = steps
  await funnel.merge({ settings: { theme: 'dark' }, niche: 'infoprodutos' }).save()
  await capture.merge({ content: { ...VALID_CONTENT.capture, nextStepId: vsl.id } }).save()
  await vsl.merge({ content: { ...VALID_CONTENT.vsl, nextStepId: checkout.id } }).save()
  await upsell
    .merge({
      content: { ...VALID_CONTENT.upsell, acceptStepId: thankyou.id, declineStepId: thankyou.id },
      version: 7,
    })
    .save()
  const config = await CheckoutConfigFactory.merge({
    workspaceId: workspace.id,
    funnelId: funnel.id,
    stepId: checkout.id,
    productName: 'Curso',
    productPriceCents: 19700,
    paymentMethods: ['pix'],
    upsellConfig: { stepId: upsell.id },
    orderBumps: [{ name: 'Planilha', priceCents: 2700 }],
    designConfig: { primaryColor: '#16a34a' },
  }).create()
  const funnelPixel = await TrackingPixelFactory.merge({
    workspaceId: workspace.id,
    funnelId: funnel.id,
    pixelId: '111',
  }).create()
  const stepPixel = await TrackingPixelFactory.merge({
    workspaceId: workspace.id,
    funnelId: funnel.id,
    stepId: thankyou.id,
    pixelType: 'tiktok',
    pixelId: '222',
    eventName: 'Purchase',
  }).create()
  return { funnel, steps, config, funnelPixel, stepPixel }
}

/** Everything a funnel owns, as plain data, to compare before/after. */
async function snapshot(funnelId: number) {
  const funnel = await Funnel.findOrFail(funnelId)
  const steps = await FunnelStep.query().where('funnel_id', funnelId).orderBy('order_index')
  const configs = await CheckoutConfig.query().where('funnel_id', funnelId).orderBy('id')
  const pixels = await TrackingPixel.query().where('funnel_id', funnelId).orderBy('id')
  return JSON.parse(
    JSON.stringify({
      funnel: funnel.serialize(),
      steps: steps.map((s) => s.serialize()),
      configs: configs.map((c) => c.serialize()),
      pixels: pixels.map((p) => p.serialize()),
    })
  )
}

test.group('Funnels clone', (group) => {
  freshDatabase(group)

  test('copies steps, checkout configs and pixels with every step id remapped', async ({
    client,
    assert,
  }) => {
    const { owner, workspace } = await createTenant()
    const { funnel, steps, config } = await richFunnel(workspace)
    const before = await snapshot(funnel.id)

    const response = await client
      .post(route('api.funnels.clone', { id: funnel.id }))
      .bearerToken(await apiToken(owner, workspace))
      .json({})
    response.assertStatus(201)
    const body = response.body().funnel
    assert.equal(body.name, 'Black Friday (cópia)')
    assert.equal(body.slug, 'black-friday-copia')
    assert.lengthOf(body.steps, 5)

    const copy = await Funnel.findOrFail(body.id)
    assert.equal(copy.workspaceId, workspace.id)
    assert.isTrue(copy.isActive)
    assert.deepEqual(copy.settings, { theme: 'dark' })
    assert.equal(copy.niche, 'infoprodutos')
    assert.equal(copy.createdBy, owner.id)

    const copied = await FunnelStep.query().where('funnel_id', copy.id).orderBy('order_index')
    const newId = new Map(steps.map((step, index) => [step.id, copied[index].id]))
    assert.deepEqual(
      copied.map((s) => [s.slug, s.name, s.stepType, s.orderIndex, s.version]),
      steps.map((s) => [s.slug, s.name, s.stepType, s.orderIndex, 1])
    )
    assert.isTrue(
      copied.every((s) => !steps.some((o) => o.id === s.id)),
      'new rows'
    )
    assert.equal(copied[0].content.nextStepId, newId.get(steps[1].id))
    assert.equal(copied[1].content.nextStepId, newId.get(steps[2].id))
    assert.equal(copied[3].content.acceptStepId, newId.get(steps[4].id))
    assert.equal(copied[3].content.declineStepId, newId.get(steps[4].id))
    assert.deepEqual(copied[3].content.offer, VALID_CONTENT.upsell.offer)

    const [copiedConfig] = await CheckoutConfig.query().where('funnel_id', copy.id)
    assert.notEqual(copiedConfig.id, config.id)
    assert.equal(copiedConfig.stepId, newId.get(steps[2].id))
    assert.deepEqual(copiedConfig.upsellConfig, { stepId: newId.get(steps[3].id) })
    assert.equal(copiedConfig.productPriceCents, 19700)
    assert.deepEqual(copiedConfig.paymentMethods, ['pix'])
    assert.deepEqual(copiedConfig.orderBumps, [{ name: 'Planilha', priceCents: 2700 }])
    assert.deepEqual(copiedConfig.designConfig, { primaryColor: '#16a34a' })

    const pixels = await TrackingPixel.query().where('funnel_id', copy.id).orderBy('pixel_id')
    assert.deepEqual(
      pixels.map((p) => [p.pixelId, p.pixelType, p.eventName, p.stepId]),
      [
        ['111', 'facebook', null, null],
        ['222', 'tiktok', 'Purchase', newId.get(steps[4].id)!],
      ]
    )

    assert.deepEqual(await snapshot(funnel.id), before, 'the source is untouched')
  })

  test('copies get -copia, -copia-2… and may be named', async ({ client, assert }) => {
    const { owner, workspace } = await createTenant()
    const token = await apiToken(owner, workspace)
    const { funnel } = await funnelWithSteps(workspace, ['capture'], { slug: 'black-friday' })

    const slugs: string[] = []
    for (let i = 0; i < 3; i++) {
      const response = await client
        .post(route('api.funnels.clone', { id: funnel.id }))
        .bearerToken(token)
      slugs.push(response.body().funnel.slug)
    }
    assert.deepEqual(slugs, ['black-friday-copia', 'black-friday-copia-2', 'black-friday-copia-3'])

    const named = await client
      .post(route('api.funnels.clone', { id: funnel.id }))
      .bearerToken(token)
      .json({ name: 'Cyber Monday' })
    assert.equal(named.body().funnel.name, 'Cyber Monday')
    assert.equal(named.body().funnel.slug, 'black-friday-copia-4')

    const invalid = await client
      .post(route('api.funnels.clone', { id: funnel.id }))
      .bearerToken(token)
      .json({ name: 'X', targetWorkspaceId: 'abc' })
    invalid.assertStatus(422)
    assert.sameMembers(
      invalid.body().errors.map((e: any) => e.field),
      ['name', 'targetWorkspaceId']
    )
  })

  test('an archived source gives an unarchived copy that keeps its active flag', async ({
    client,
    assert,
  }) => {
    const { owner, workspace } = await createTenant()
    const { funnel } = await funnelWithSteps(workspace, ['capture'])
    await funnel.merge({ archivedAt: DateTime.now(), isActive: false }).save()
    const response = await client
      .post(route('api.funnels.clone', { id: funnel.id }))
      .bearerToken(await apiToken(owner, workspace))
    const copy = await Funnel.findOrFail(response.body().funnel.id)
    assert.isNull(copy.archivedAt)
    assert.isFalse(copy.isActive, 'keeps the source isActive')
  })

  test('clones into another workspace of the same agency', async ({ client, assert }) => {
    const { owner, agency, workspace } = await createTenant()
    const target = await WorkspaceFactory.merge({ agencyId: agency.id }).create()
    await funnelWithSteps(target, ['capture'], { slug: 'black-friday-copia' })
    const { funnel, steps } = await richFunnel(workspace)
    const before = await snapshot(funnel.id)

    const response = await client
      .post(route('api.funnels.clone', { id: funnel.id }))
      .bearerToken(await apiToken(owner, null))
      .header('x-workspace', workspace.slug)
      .json({ targetWorkspaceId: target.id })
    response.assertStatus(201)
    assert.equal(response.body().funnel.slug, 'black-friday-copia-2')
    assert.match(response.body().funnel.publicUrl, new RegExp(`^https?://${target.slug}\\.`))

    const copy = await Funnel.findOrFail(response.body().funnel.id)
    assert.equal(copy.workspaceId, target.id)
    const copied = await FunnelStep.query().where('funnel_id', copy.id).orderBy('order_index')
    assert.isTrue(copied.every((s) => s.workspaceId === target.id))
    assert.equal(copied[0].content.nextStepId, copied[1].id)
    const [config] = await CheckoutConfig.query().where('funnel_id', copy.id)
    assert.equal(config.workspaceId, target.id)
    assert.equal(config.stepId, copied[2].id)
    assert.deepEqual(config.upsellConfig, { stepId: copied[3].id })
    const pixels = await TrackingPixel.query().where('funnel_id', copy.id)
    assert.lengthOf(pixels, 2)
    assert.isTrue(pixels.every((p) => p.workspaceId === target.id))
    assert.deepEqual(await snapshot(funnel.id), before)
    assert.lengthOf(steps, 5)
  })

  test('a target the user cannot write in, or of another agency, is a 404', async ({
    client,
    assert,
  }) => {
    const { agency, workspace } = await createTenant()
    const { funnel } = await funnelWithSteps(workspace, ['capture'])
    const sibling = await WorkspaceFactory.merge({ agencyId: agency.id }).create()
    const archived = await WorkspaceFactory.merge({
      agencyId: agency.id,
      slug: randomSlug(),
      archivedAt: DateTime.now(),
    }).create()
    const foreign = await createTenant()

    /** Editor of this workspace only, viewer of the sibling. */
    const clientLogin = await workspaceMember(workspace, 'editor')
    await sibling.related('members').create({ userId: clientLogin.id, role: 'viewer' })
    const owner = (await agencyMember(agency, 'owner'))!

    const attempts: Array<[typeof owner, number]> = [
      [owner, foreign.workspace.id],
      [owner, archived.id],
      [owner, 999999],
      [clientLogin, sibling.id],
      [clientLogin, foreign.workspace.id],
    ]
    for (const [user, targetWorkspaceId] of attempts) {
      const response = await client
        .post(route('api.funnels.clone', { id: funnel.id }))
        .bearerToken(await apiToken(user, workspace))
        .json({ targetWorkspaceId })
      assert.equal(response.status(), 404, `target ${targetWorkspaceId}`)
    }
    assert.lengthOf(await Funnel.all(), 1)

    const own = await client
      .post(route('api.funnels.clone', { id: funnel.id }))
      .bearerToken(await apiToken(clientLogin, workspace))
      .json({ targetWorkspaceId: workspace.id })
    own.assertStatus(201)
  })

  test('one transaction: a failure half-way leaves nothing behind', async ({ assert }) => {
    const { owner, workspace } = await createTenant()
    const { funnel } = await richFunnel(workspace)
    const create = TrackingPixel.create
    TrackingPixel.create = (async () => {
      throw new Error('disk full')
    }) as any
    try {
      await assert.rejects(
        () => CloneFunnel.handle({ source: funnel, target: workspace, user: owner }),
        /disk full/
      )
    } finally {
      TrackingPixel.create = create
    }
    assert.lengthOf(await Funnel.all(), 1)
    assert.lengthOf(await FunnelStep.all(), 5)
    assert.lengthOf(await CheckoutConfig.all(), 1)
  })
})
