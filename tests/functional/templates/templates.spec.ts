import { test } from '@japa/runner'
import type { ApiClient } from '@japa/api-client'
import { urlFor } from '@adonisjs/core/services/url_builder'
import { freshDatabase } from '#tests/helpers/database'
import { createTenant, workspaceMember } from '#tests/helpers/tenants'
import { WorkspaceFactory } from '#database/factories/workspace_factory'
import { TrackingPixelFactory } from '#database/factories/tracking_pixel_factory'
import { BUILTIN_TEMPLATES } from '#database/templates/index'
import Funnel from '#models/funnel'
import FunnelStep from '#models/funnel_step'
import CheckoutConfig from '#models/checkout_config'
import FunnelTemplate from '#models/funnel_template'
import type User from '#models/user'
import type Workspace from '#models/workspace'
import { validateStepPage } from '#validators/step_page'
import { validateStepContent } from '#validators/step'
import { checkoutConfigValidator } from '#validators/checkout'
import { REQUIRED_BLOCK } from '#types/step_page'
import type { StepType } from '#enums/funnels'

type Method = 'GET' | 'POST' | 'DELETE'

/** An admin request as the browser's fetch/form sends it: session, CSRF, no redirect following. */
function adminRequest(
  client: ApiClient,
  user: User,
  method: Method,
  url: string,
  body?: Record<string, unknown>,
  options: { json?: boolean; locale?: 'pt-BR' | 'en' } = {}
) {
  const request = client.request(url, method).loginAs(user).redirects(0)
  if (options.json) request.header('accept', 'application/json')
  /** The language the user picked (the switcher's `locale` cookie, read unsigned). */
  if (options.locale) request.cookiesJar.locale = { name: 'locale', value: options.locale }
  if (method === 'GET') return request
  request.withCsrfToken().header('referer', url)
  return body ? request.json(body) : request
}

const applyUrl = (workspace: Workspace) =>
  urlFor('w.templates.apply', { workspaceSlug: workspace.slug })
const listUrl = (workspace: Workspace) =>
  urlFor('w.templates.index', { workspaceSlug: workspace.slug })

/** Applies a template through the HTTP route and returns the funnel it opened. */
async function apply(
  client: ApiClient,
  user: User,
  workspace: Workspace,
  body: Record<string, unknown>,
  locale: 'pt-BR' | 'en' = 'pt-BR'
) {
  const response = await adminRequest(client, user, 'POST', applyUrl(workspace), body, { locale })
  response.assertStatus(302)
  const match = /\/funnels\/(\d+)$/.exec(response.header('location') ?? '')
  if (!match) throw new Error(`no builder redirect: ${response.header('location')}`)
  return Funnel.findOrFail(Number(match[1]))
}

async function stepsOf(funnel: Funnel) {
  return FunnelStep.query().where('funnel_id', funnel.id).orderBy('order_index')
}

/**
 * A step's content as the builder would accept it: the template leaves the VSL's video for the
 * agency to paste (the builder asks for it), so that one field gets a playable link here.
 */
function contentToValidate(step: FunnelStep) {
  if (step.stepType !== 'vsl') return step.content
  return { ...step.content, videoUrl: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ' }
}

/** The ids of every button block of a page that leads to a step. */
function buttonTargets(step: FunnelStep) {
  return (step.page?.sections ?? [])
    .flatMap((section) => section.blocks)
    .flatMap((block) => (block.type === 'button' && block.stepId ? [block.stepId] : []))
}

test.group('Funnel templates: built-in', (group) => {
  freshDatabase(group)

  for (const locale of ['pt-BR', 'en'] as const) {
    test(`every built-in template applies as a valid draft funnel (${locale})`, async ({
      client,
      assert,
    }) => {
      const { owner, workspace } = await createTenant()
      /** Step ids no longer start at 1, so a ref left unmapped (1…n) cannot pass for an id. */
      await apply(client, owner, workspace, { template: 'isca-digital' })
      for (const template of BUILTIN_TEMPLATES) {
        const snapshot = template.build(locale)
        const funnel = await apply(client, owner, workspace, { template: template.key }, locale)
        assert.equal(funnel.workspaceId, workspace.id)
        assert.isNull(funnel.publishedPublicationId, `${template.key} starts as a draft`)
        assert.equal(funnel.createdBy, owner.id)

        const steps = await stepsOf(funnel)
        assert.deepEqual(
          steps.map((step) => [step.orderIndex, step.stepType, step.slug]),
          snapshot.steps.map((step, index) => [index, step.stepType, step.slug])
        )
        const ids = steps.map((step) => step.id)
        for (const step of steps) {
          assert.isNotNull(step.page, `${template.key}/${step.slug} has a page`)
          /** Throws (failing the test) on any invalid block, a missing required block… */
          await validateStepPage({ stepType: step.stepType, page: step.page })
          await validateStepContent({
            stepType: step.stepType,
            content: contentToValidate(step),
            stepIds: ids.filter((id) => id !== step.id),
          })
          const required = REQUIRED_BLOCK[step.stepType as StepType]
          if (required) {
            const types = step.page!.sections.flatMap((s) => s.blocks.map((b) => b.type))
            assert.include(types, required)
          }
          /** A button leads forward, to a step of this funnel. */
          for (const target of buttonTargets(step)) {
            assert.isAbove(ids.indexOf(target), ids.indexOf(step.id), `${step.slug} button`)
          }
        }

        const configs = await CheckoutConfig.query().where('funnel_id', funnel.id)
        assert.lengthOf(configs, snapshot.checkoutConfigs.length)
        for (const config of configs) {
          const stepIndex = steps.findIndex((step) => step.id === config.stepId)
          assert.equal(steps[stepIndex].stepType, 'checkout')
          await checkoutConfigValidator.validate(config.serialize(), {
            meta: { workspaceId: workspace.id, funnelId: funnel.id, stepId: config.stepId },
          })
        }
      }
    })
  }

  test('lançamento com VSL: the chain capture → VSL → checkout → upsell → obrigado, links and prices', async ({
    client,
    assert,
  }) => {
    const { owner, workspace } = await createTenant()
    /** Step ids no longer start at 1, so a ref left unmapped (1…n) cannot pass for an id. */
    await apply(client, owner, workspace, { template: 'checkout-upsell' })
    const funnel = await apply(client, owner, workspace, {
      template: 'lancamento-vsl',
      name: 'Lançamento de março',
    })
    assert.equal(funnel.name, 'Lançamento de março')
    assert.equal(funnel.slug, 'lancamento-de-marco')

    const [capture, vsl, checkout, upsell, thankyou] = await stepsOf(funnel)
    assert.deepEqual(
      [capture, vsl, checkout, upsell, thankyou].map((step) => step.stepType),
      ['capture', 'vsl', 'checkout', 'upsell', 'thankyou']
    )
    assert.equal(capture.content.nextStepId, vsl.id)
    assert.equal(vsl.content.nextStepId, checkout.id)
    assert.deepEqual(buttonTargets(vsl), [checkout.id])
    assert.equal(upsell.content.acceptStepId, thankyou.id)
    assert.equal(upsell.content.declineStepId, thankyou.id)
    assert.equal((upsell.content.offer as { priceCents: number }).priceCents, 9700)

    const config = await CheckoutConfig.query().where('step_id', checkout.id).firstOrFail()
    assert.equal(config.productName, 'Método Acelerado')
    assert.equal(config.productPriceCents, 19700)
    assert.deepEqual(
      config.orderBumps.map((bump) => bump.priceCents),
      [2700]
    )
    assert.deepEqual(config.upsellConfig, { stepId: upsell.id })

    /** A second funnel from the same template gets its own slug and its own steps. */
    const again = await apply(client, owner, workspace, { template: 'lancamento-vsl' })
    assert.equal(again.slug, 'lancamento-com-vsl')
    const againSteps = await stepsOf(again)
    assert.equal(againSteps[0].content.nextStepId, againSteps[1].id)
  })

  test('isca digital and checkout direto: their chains and links', async ({ client, assert }) => {
    const { owner, workspace } = await createTenant()
    const lead = await apply(client, owner, workspace, { template: 'isca-digital' })
    const [capture, thanks] = await stepsOf(lead)
    assert.deepEqual([capture.stepType, thanks.stepType], ['capture', 'thankyou'])
    assert.equal(capture.content.nextStepId, thanks.id)
    assert.match((thanks.content.links as Array<{ url: string }>)[0].url, /^https:\/\/.+\.pdf$/)

    const direct = await apply(client, owner, workspace, { template: 'checkout-upsell' })
    const [checkout, upsell, thankyou] = await stepsOf(direct)
    assert.deepEqual(
      [checkout.stepType, upsell.stepType, thankyou.stepType],
      ['checkout', 'upsell', 'thankyou']
    )
    const config = await CheckoutConfig.query().where('step_id', checkout.id).firstOrFail()
    assert.equal(config.productPriceCents, 4700)
    assert.deepEqual(config.upsellConfig, { stepId: upsell.id })
    assert.equal(upsell.content.acceptStepId, thankyou.id)
  })

  test('the gallery lists the built-ins with their step chain, in the user language', async ({
    client,
    assert,
  }) => {
    const { owner, workspace } = await createTenant()
    const response = await adminRequest(client, owner, 'GET', listUrl(workspace), undefined, {
      json: true,
    })
    response.assertStatus(200)
    const cards = response.body().templates
    assert.deepEqual(
      cards.map((card: any) => card.id),
      ['lancamento-vsl', 'isca-digital', 'checkout-upsell']
    )
    assert.equal(cards[0].name, 'Lançamento com VSL')
    assert.deepEqual(
      cards[0].steps.map((step: any) => step.stepType),
      ['capture', 'vsl', 'checkout', 'upsell', 'thankyou']
    )
    assert.deepEqual(cards[0].product, { name: 'Método Acelerado', priceCents: 19700 })
    assert.isFalse(cards[0].can.delete)
  })

  test('bad input is a 422 with field errors; an unknown template a 404', async ({
    client,
    assert,
  }) => {
    const { owner, workspace } = await createTenant()
    const post = (body: Record<string, unknown>) =>
      adminRequest(client, owner, 'POST', applyUrl(workspace), body, { json: true })

    for (const [body, field] of [
      [{}, 'template'],
      [{ template: 'Nope Nope!' }, 'template'],
      [{ template: 'lancamento-vsl', name: 'x' }, 'name'],
      [{ template: 'lancamento-vsl', slug: 'Com Espaço' }, 'slug'],
      [{ template: 'lancamento-vsl', slug: 'api' }, 'slug'],
    ] as const) {
      const response = await post(body)
      response.assertStatus(422)
      assert.includeMembers(
        response.body().errors.map((error: any) => error.field),
        [field],
        JSON.stringify(body)
      )
    }

    const taken = await apply(client, owner, workspace, { template: 'isca-digital' })
    const duplicate = await post({ template: 'isca-digital', slug: taken.slug })
    duplicate.assertStatus(422)
    assert.equal(duplicate.body().errors[0].field, 'slug')

    ;(await post({ template: 'nao-existe' })).assertStatus(404)
    ;(await post({ template: '999999' })).assertStatus(404)

    const saved = await adminRequest(
      client,
      owner,
      'POST',
      urlFor('w.templates.store', { workspaceSlug: workspace.slug, id: taken.id }),
      { name: '' },
      { json: true }
    )
    saved.assertStatus(422)
    assert.equal(saved.body().errors[0].field, 'name')
    assert.equal(
      await FunnelTemplate.query()
        .count('* as total')
        .then((r) => Number(r[0].$extras.total)),
      0
    )
    assert.equal(
      await Funnel.query()
        .where('workspace_id', workspace.id)
        .count('* as total')
        .then((r) => Number(r[0].$extras.total)),
      1
    )
  })
})

test.group('Funnel templates: the agency own', (group) => {
  freshDatabase(group)

  test('save as template, then apply it in another workspace of the same agency', async ({
    client,
    assert,
  }) => {
    const { owner, agency, workspace } = await createTenant()
    const sibling = await WorkspaceFactory.merge({ agencyId: agency.id }).create()
    const source = await apply(client, owner, workspace, {
      template: 'lancamento-vsl',
      name: 'Lançamento da Ana',
    })
    const sourceSteps = await stepsOf(source)
    /** Edits after apply are what the template keeps (the draft as it is now). */
    await sourceSteps[3]
      .merge({
        content: {
          ...sourceSteps[3].content,
          offer: { name: 'Mentoria VIP', priceCents: 49700, imageUrl: null },
        },
      })
      .save()
    await TrackingPixelFactory.merge({
      workspaceId: workspace.id,
      funnelId: source.id,
      pixelId: '123456',
    }).create()

    const saved = await adminRequest(
      client,
      owner,
      'POST',
      urlFor('w.templates.store', { workspaceSlug: workspace.slug, id: source.id }),
      { name: 'Lançamento padrão da agência', description: 'Nosso funil de lançamento' }
    )
    saved.assertStatus(302)
    assert.equal(saved.flashMessages().success, 'Modelo "Lançamento padrão da agência" salvo')
    const template = await FunnelTemplate.query().where('agency_id', agency.id).firstOrFail()
    assert.equal(template.createdBy, owner.id)
    assert.notProperty(template.snapshot, 'pixels', 'pixels never go into a template')
    assert.notInclude(JSON.stringify(template.snapshot), '123456')
    assert.deepEqual(
      template.snapshot.steps.map((step) => step.ref),
      sourceSteps.map((step) => step.id)
    )

    const list = await adminRequest(client, owner, 'GET', listUrl(sibling), undefined, {
      json: true,
    })
    const card = list.body().templates.find((item: any) => item.id === String(template.id))
    assert.include(card, { source: 'agency', name: 'Lançamento padrão da agência' })
    assert.isTrue(card.can.delete)
    assert.lengthOf(card.steps, 5)

    const copy = await apply(client, owner, sibling, { template: String(template.id) })
    assert.equal(copy.workspaceId, sibling.id)
    assert.equal(copy.name, 'Lançamento da Ana')
    assert.isNull(copy.publishedPublicationId)
    const steps = await stepsOf(copy)
    assert.isTrue(steps.every((step) => step.workspaceId === sibling.id))
    assert.isTrue(steps.every((step) => !sourceSteps.some((original) => original.id === step.id)))
    const [capture, vsl, checkout, upsell, thankyou] = steps
    assert.equal(capture.content.nextStepId, vsl.id)
    assert.equal(vsl.content.nextStepId, checkout.id)
    assert.deepEqual(buttonTargets(vsl), [checkout.id])
    assert.equal(upsell.content.acceptStepId, thankyou.id)
    assert.equal(upsell.content.declineStepId, thankyou.id)
    assert.deepEqual(upsell.content.offer, {
      name: 'Mentoria VIP',
      priceCents: 49700,
      imageUrl: null,
    })
    assert.deepEqual(
      steps.map((step) => step.page),
      sourceSteps.map((step) => ({
        ...step.page!,
        sections: step.page!.sections.map((section) => ({
          ...section,
          blocks: section.blocks.map((block) =>
            block.type === 'button' && block.stepId ? { ...block, stepId: checkout.id } : block
          ),
        })),
      }))
    )
    const config = await CheckoutConfig.query().where('funnel_id', copy.id).firstOrFail()
    assert.equal(config.workspaceId, sibling.id)
    assert.equal(config.stepId, checkout.id)
    assert.deepEqual(config.upsellConfig, { stepId: upsell.id })
    assert.equal(config.productPriceCents, 19700)
    const pixels = await copy.related('trackingPixels').query()
    assert.lengthOf(pixels, 0)

    const removed = await adminRequest(
      client,
      owner,
      'DELETE',
      urlFor('w.templates.destroy', { workspaceSlug: sibling.slug, id: template.id }),
      undefined,
      { json: true }
    )
    removed.assertStatus(204)
    assert.isNull(await FunnelTemplate.find(template.id))
    assert.isNotNull(await Funnel.find(copy.id), 'funnels made from it stay')
  })

  test("another agency's workspace never sees, applies nor deletes the template (404)", async ({
    client,
    assert,
  }) => {
    const { owner, workspace } = await createTenant()
    const other = await createTenant()
    const source = await apply(client, owner, workspace, { template: 'isca-digital' })
    const template = await FunnelTemplate.create({
      agencyId: workspace.agencyId,
      name: 'Segredo',
      description: null,
      snapshot: BUILTIN_TEMPLATES[1].build('pt-BR'),
      createdBy: owner.id,
    })

    const list = await adminRequest(
      client,
      other.owner,
      'GET',
      listUrl(other.workspace),
      undefined,
      {
        json: true,
      }
    )
    list.assertStatus(200)
    assert.notInclude(
      list.body().templates.map((card: any) => card.id),
      String(template.id)
    )

    const attempts = [
      ['POST', applyUrl(other.workspace), { template: String(template.id) }],
      [
        'DELETE',
        urlFor('w.templates.destroy', { workspaceSlug: other.workspace.slug, id: template.id }),
        undefined,
      ],
      /** Saving another workspace's funnel as a template. */
      [
        'POST',
        urlFor('w.templates.store', { workspaceSlug: other.workspace.slug, id: source.id }),
        { name: 'Roubado' },
      ],
      /** The first agency's URLs are not reachable for the other owner either. */
      ['GET', listUrl(workspace), undefined],
      ['POST', applyUrl(workspace), { template: String(template.id) }],
    ] as const
    for (const [method, url, body] of attempts) {
      const response = await adminRequest(client, other.owner, method, url, body, { json: true })
      assert.equal(response.status(), 404, `${method} ${url}`)
    }
    assert.equal(
      await Funnel.query()
        .where('workspace_id', other.workspace.id)
        .count('* as total')
        .then((r) => Number(r[0].$extras.total)),
      0
    )
    assert.isNotNull(await FunnelTemplate.find(template.id))
    assert.lengthOf(await FunnelTemplate.query(), 1)
  })

  test('a client login sees and applies the built-ins only, and cannot save templates', async ({
    client,
    assert,
  }) => {
    const { owner, workspace } = await createTenant()
    const clientLogin = await workspaceMember(workspace, 'editor')
    const source = await apply(client, owner, workspace, { template: 'isca-digital' })
    const template = await FunnelTemplate.create({
      agencyId: workspace.agencyId,
      name: 'Modelo de outro cliente',
      description: null,
      snapshot: BUILTIN_TEMPLATES[0].build('pt-BR'),
      createdBy: owner.id,
    })

    const list = await adminRequest(client, clientLogin, 'GET', listUrl(workspace), undefined, {
      json: true,
    })
    assert.deepEqual(
      list.body().templates.map((card: any) => card.source),
      ['builtin', 'builtin', 'builtin']
    )
    const refused = await adminRequest(
      client,
      clientLogin,
      'POST',
      applyUrl(workspace),
      { template: String(template.id) },
      { json: true }
    )
    refused.assertStatus(404)
    const save = await adminRequest(
      client,
      clientLogin,
      'POST',
      urlFor('w.templates.store', { workspaceSlug: workspace.slug, id: source.id }),
      { name: 'Meu modelo' },
      { json: true }
    )
    save.assertStatus(403)
    assert.lengthOf(await FunnelTemplate.query(), 1)
    const builtin = await apply(client, clientLogin, workspace, { template: 'checkout-upsell' })
    assert.lengthOf(await stepsOf(builtin), 3)
  })
})
