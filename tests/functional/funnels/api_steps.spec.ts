import { test } from '@japa/runner'
import { freshDatabase } from '#tests/helpers/database'
import { apiToken, createTenant } from '#tests/helpers/tenants'
import { CheckoutConfigFactory } from '#database/factories/checkout_config_factory'
import { TrackingPixelFactory } from '#database/factories/tracking_pixel_factory'
import FunnelStep from '#models/funnel_step'
import CheckoutConfig from '#models/checkout_config'
import TrackingPixel from '#models/tracking_pixel'
import Funnel from '#models/funnel'
import { STEP_TYPES } from '#enums/funnels'
import { VALID_CONTENT, funnelWithSteps, stepOrder } from './helpers.js'
import { route } from '#tests/helpers/routes'

async function setup() {
  const tenant = await createTenant()
  const token = await apiToken(tenant.owner, tenant.workspace)
  const built = await funnelWithSteps(tenant.workspace)
  return { ...tenant, ...built, token }
}

test.group('API steps: list and create', (group) => {
  freshDatabase(group)

  test('lists the steps of a funnel in order', async ({ client, assert }) => {
    const { funnel, steps, token } = await setup()
    const response = await client
      .get(route('api.steps.index', { funnel_id: funnel.id }))
      .bearerToken(token)
    response.assertStatus(200)
    assert.deepEqual(
      response.body().data.map((step: any) => [step.id, step.orderIndex, step.stepType]),
      steps.map((step) => [step.id, step.orderIndex, step.stepType])
    )
    assert.deepEqual(response.body().data[1].content, VALID_CONTENT.vsl)
  })

  test('appends a step at the end with its type starter content', async ({ client, assert }) => {
    const { funnel, token } = await setup()
    const before = await Funnel.findOrFail(funnel.id)
    await new Promise((resolve) => setTimeout(resolve, 20))

    const response = await client
      .post(route('api.steps.store', { funnel_id: funnel.id }))
      .bearerToken(token)
      .json({ name: 'Segunda Oferta', stepType: 'upsell' })
    response.assertStatus(201)
    const step = response.body().step
    assert.equal(step.orderIndex, 5)
    assert.equal(step.slug, 'segunda-oferta')
    assert.equal(step.version, 1)
    assert.equal(step.content.headline, 'Espere! Uma oferta especial para você')
    assert.equal(step.content.offer.priceCents, 4700)
    const order = await stepOrder(funnel)
    assert.deepEqual(
      order.map((row) => row.orderIndex),
      [0, 1, 2, 3, 4, 5]
    )
    const after = await Funnel.findOrFail(funnel.id)
    assert.isTrue(after.updatedAt > before.updatedAt, "the funnel's updated date moves")
  })

  test('starter contents follow the English dictionary for English clients', async ({
    client,
    assert,
  }) => {
    const { funnel, token } = await setup()
    const response = await client
      .post(route('api.steps.store', { funnel_id: funnel.id }))
      .bearerToken(token)
      .header('accept-language', 'en')
      .json({ name: 'Thanks', stepType: 'thankyou' })
    assert.deepEqual(response.body().step.content, {
      message: 'Thank you! We sent the details to your email.',
      links: [],
    })
  })

  test('generated slugs are unique in the funnel; a chosen taken slug is a 422', async ({
    client,
    assert,
  }) => {
    const { funnel, token } = await setup()
    const first = await client
      .post(route('api.steps.store', { funnel_id: funnel.id }))
      .bearerToken(token)
      .json({ name: 'Etapa 1', stepType: 'checkout' })
    assert.equal(first.body().step.slug, 'etapa-1-2')

    const taken = await client
      .post(route('api.steps.store', { funnel_id: funnel.id }))
      .bearerToken(token)
      .json({ name: 'Outra', slug: 'etapa-2', stepType: 'checkout' })
    taken.assertStatus(422)
    assert.equal(taken.body().errors[0].field, 'slug')
  })

  test('the same step slug may be used by another funnel', async ({ client, assert }) => {
    const { workspace, token } = await setup()
    const second = await funnelWithSteps(workspace, [])
    const response = await client
      .post(route('api.steps.store', { funnel_id: second.funnel.id }))
      .bearerToken(token)
      .json({ name: 'Outra', slug: 'etapa-1', stepType: 'checkout' })
    response.assertStatus(201)
    assert.equal(response.body().step.orderIndex, 0)
  })

  test('refuses a missing name or an unknown type (422)', async ({ client, assert }) => {
    const { funnel, token } = await setup()
    for (const [payload, field, rule] of [
      [{ stepType: 'capture' }, 'name', 'required'],
      [{ name: 'X', stepType: 'webinar' }, 'stepType', 'enum'],
      [{ name: 'X' }, 'stepType', 'required'],
      [{ name: 'X', stepType: 'capture', content: 'texto' }, 'content', 'object'],
    ] as const) {
      const response = await client
        .post(route('api.steps.store', { funnel_id: funnel.id }))
        .bearerToken(token)
        .json(payload)
      response.assertStatus(422)
      const error = response.body().errors.find((e: any) => e.field === field)
      assert.equal(error?.rule, rule, JSON.stringify(payload))
    }
    assert.lengthOf(await FunnelStep.query().where('funnel_id', funnel.id), 5)
  })

  test('accepts a valid content for every type, dropping unknown keys', async ({
    client,
    assert,
  }) => {
    const { funnel, token } = await setup()
    for (const stepType of STEP_TYPES) {
      const response = await client
        .post(route('api.steps.store', { funnel_id: funnel.id }))
        .bearerToken(token)
        .json({
          name: `Nova ${stepType}`,
          stepType,
          content: { ...VALID_CONTENT[stepType], script: '<script>alert(1)</script>' },
        })
      response.assertStatus(201)
      assert.deepEqual(response.body().step.content, VALID_CONTENT[stepType], stepType)
    }
  })
})

/** [content, field, rule] triples every type must refuse. */
const INVALID_CONTENT = {
  capture: [
    [{ ...VALID_CONTENT.capture, headline: '' }, 'content.headline', 'required'],
    [{ ...VALID_CONTENT.capture, fields: [] }, 'content.fields', 'array.minLength'],
    [{ ...VALID_CONTENT.capture, fields: ['name', 'cpf'] }, 'content.fields.1', 'enum'],
    [{ ...VALID_CONTENT.capture, fields: ['email', 'email'] }, 'content.fields', 'distinct'],
    [{ ...VALID_CONTENT.capture, buttonLabel: undefined }, 'content.buttonLabel', 'required'],
    [{ ...VALID_CONTENT.capture, nextStepId: 'dois' }, 'content.nextStepId', 'number'],
  ],
  vsl: [
    [
      { ...VALID_CONTENT.vsl, videoUrl: 'https://www.dailymotion.com/video/x8' },
      'content.videoUrl',
      'video_url',
    ],
    [
      { ...VALID_CONTENT.vsl, videoUrl: 'http://cdn.example.com/aula.mp4' },
      'content.videoUrl',
      'video_url',
    ],
    [
      { ...VALID_CONTENT.vsl, videoUrl: 'https://cdn.example.com/aula.webm' },
      'content.videoUrl',
      'video_url',
    ],
    [
      { ...VALID_CONTENT.vsl, videoUrl: 'https://www.youtube.com/channel/abc' },
      'content.videoUrl',
      'video_url',
    ],
    [{ ...VALID_CONTENT.vsl, videoUrl: 'https://youtu.be/short' }, 'content.videoUrl', 'video_url'],
    [
      { ...VALID_CONTENT.vsl, videoUrl: 'javascript:alert(1)//.mp4' },
      'content.videoUrl',
      'video_url',
    ],
    [{ ...VALID_CONTENT.vsl, ctaDelaySeconds: 3601 }, 'content.ctaDelaySeconds', 'max'],
    [{ ...VALID_CONTENT.vsl, ctaDelaySeconds: -1 }, 'content.ctaDelaySeconds', 'min'],
    [{ ...VALID_CONTENT.vsl, ctaDelaySeconds: 2.5 }, 'content.ctaDelaySeconds', 'withoutDecimals'],
    [{ ...VALID_CONTENT.vsl, ctaLabel: '' }, 'content.ctaLabel', 'required'],
  ],
  checkout: [
    [{ headline: 'x'.repeat(256) }, 'content.headline', 'maxLength'],
    [{ text: 42 }, 'content.text', 'string'],
  ],
  upsell: [
    [{ ...VALID_CONTENT.upsell, offer: undefined }, 'content.offer', 'required'],
    [
      { ...VALID_CONTENT.upsell, offer: { name: 'Mentoria', priceCents: 0 } },
      'content.offer.priceCents',
      'min',
    ],
    [
      { ...VALID_CONTENT.upsell, offer: { name: 'Mentoria', priceCents: 97.5 } },
      'content.offer.priceCents',
      'withoutDecimals',
    ],
    [{ ...VALID_CONTENT.upsell, offer: { priceCents: 9700 } }, 'content.offer.name', 'required'],
    [
      {
        ...VALID_CONTENT.upsell,
        offer: { name: 'M', priceCents: 100, imageUrl: 'http://x.com/a.png' },
      },
      'content.offer.imageUrl',
      'url',
    ],
    [{ ...VALID_CONTENT.upsell, acceptLabel: '' }, 'content.acceptLabel', 'required'],
    [{ ...VALID_CONTENT.upsell, headline: undefined }, 'content.headline', 'required'],
  ],
  thankyou: [
    [{ links: [] }, 'content.message', 'required'],
    [
      { message: 'Oi', links: [{ label: 'Área', url: 'ftp://x.com' }] },
      'content.links.0.url',
      'link_url',
    ],
    [
      { message: 'Oi', links: [{ label: 'Área', url: 'javascript:alert(1)' }] },
      'content.links.0.url',
      'link_url',
    ],
    [
      { message: 'Oi', links: [{ label: '', url: 'https://x.com' }] },
      'content.links.0.label',
      'required',
    ],
    [{ message: 'Oi', links: 'https://x.com' }, 'content.links', 'array'],
  ],
} as const

test.group('API steps: content rules per type', (group) => {
  freshDatabase(group)

  for (const stepType of STEP_TYPES) {
    test(`${stepType}: invalid contents are a 422 on the content field`, async ({
      client,
      assert,
    }) => {
      const { funnel, token } = await setup()
      for (const [content, field, rule] of INVALID_CONTENT[stepType]) {
        const response = await client
          .post(route('api.steps.store', { funnel_id: funnel.id }))
          .bearerToken(token)
          .json({ name: 'Inválida', stepType, content })
        assert.equal(response.status(), 422, JSON.stringify(content))
        const error = response.body().errors.find((e: any) => e.field === field)
        assert.equal(error?.rule, rule, JSON.stringify(content))
        assert.notMatch(error.message, /field|must/, 'translated')
      }
      assert.lengthOf(await FunnelStep.query().where('funnel_id', funnel.id), 5)
    })
  }

  test('vsl: YouTube, Vimeo and https .mp4 links are accepted', async ({ client, assert }) => {
    const { funnel, steps, token } = await setup()
    for (const videoUrl of [
      'https://youtu.be/dQw4w9WgXcQ',
      'https://www.youtube.com/embed/dQw4w9WgXcQ',
      'https://youtube.com/shorts/dQw4w9WgXcQ',
      'https://vimeo.com/76979871',
      'https://player.vimeo.com/video/76979871',
      'https://cdn.example.com/videos/aula-1.MP4',
      'http://www.youtube.com/watch?v=dQw4w9WgXcQ',
    ]) {
      const response = await client
        .put(route('api.steps.update', { funnel_id: funnel.id, id: steps[1].id }))
        .bearerToken(token)
        .json({ content: { ...VALID_CONTENT.vsl, videoUrl } })
      assert.equal(response.status(), 200, videoUrl)
      assert.equal(response.body().step.content.videoUrl, videoUrl)
    }
  })

  test('a referenced step must be another step of the same funnel', async ({ client, assert }) => {
    const { workspace, funnel, steps, token } = await setup()
    const sibling = await funnelWithSteps(workspace, ['thankyou'])
    const stranger = await createTenant()
    const foreign = await funnelWithSteps(stranger.workspace, ['thankyou'])
    const upsell = steps[3]
    const url = route('api.steps.update', { funnel_id: funnel.id, id: upsell.id })

    for (const [key, id] of [
      ['acceptStepId', sibling.steps[0].id],
      ['declineStepId', foreign.steps[0].id],
      ['acceptStepId', 999999],
      ['declineStepId', upsell.id],
    ] as const) {
      const response = await client
        .put(url)
        .bearerToken(token)
        .json({ content: { ...VALID_CONTENT.upsell, [key]: id } })
      response.assertStatus(422)
      assert.equal(response.body().errors[0].field, `content.${key}`)
      assert.equal(response.body().errors[0].rule, 'step_of_funnel')
      assert.equal(
        response.body().errors[0].message,
        key === 'acceptStepId'
          ? 'A etapa escolhida em etapa após aceitar não pertence a este funil'
          : 'A etapa escolhida em etapa após recusar não pertence a este funil'
      )
    }

    const valid = await client
      .put(url)
      .bearerToken(token)
      .json({
        content: { ...VALID_CONTENT.upsell, acceptStepId: steps[4].id, declineStepId: null },
      })
    valid.assertStatus(200)
    assert.equal(valid.body().step.content.acceptStepId, steps[4].id)
    assert.isNull(valid.body().step.content.declineStepId)

    const capture = await client
      .post(route('api.steps.store', { funnel_id: funnel.id }))
      .bearerToken(token)
      .json({
        name: 'Captura 2',
        stepType: 'capture',
        content: { ...VALID_CONTENT.capture, nextStepId: sibling.steps[0].id },
      })
    capture.assertStatus(422)
    assert.equal(capture.body().errors[0].field, 'content.nextStepId')
  })
})

test.group('API steps: update and delete', (group) => {
  freshDatabase(group)

  test('every change bumps the version', async ({ client, assert }) => {
    const { funnel, steps, token } = await setup()
    const url = route('api.steps.update', { funnel_id: funnel.id, id: steps[0].id })
    const first = await client.put(url).bearerToken(token).json({ name: 'Inscrição' })
    first.assertStatus(200)
    assert.equal(first.body().step.version, 2)
    assert.equal(first.body().step.name, 'Inscrição')
    assert.deepEqual(first.body().step.content, VALID_CONTENT.capture, 'content untouched')

    const second = await client
      .put(url)
      .bearerToken(token)
      .json({ isActive: false, slug: 'inscricao', settings: { seo: { title: 'Aula' } } })
    assert.equal(second.body().step.version, 3)
    const saved = await FunnelStep.findOrFail(steps[0].id)
    assert.equal(saved.version, 3)
    assert.isFalse(saved.isActive)
    assert.equal(saved.slug, 'inscricao')
    assert.deepEqual(saved.settings, { seo: { title: 'Aula' } })
    assert.equal(saved.orderIndex, 0)
  })

  test('changing the type re-validates the content', async ({ client, assert }) => {
    const { funnel, steps, token } = await setup()
    const url = route('api.steps.update', { funnel_id: funnel.id, id: steps[0].id })

    const refused = await client.put(url).bearerToken(token).json({ stepType: 'vsl' })
    refused.assertStatus(422)
    assert.includeMembers(
      refused.body().errors.map((e: any) => e.field),
      ['content.videoUrl', 'content.ctaLabel', 'content.ctaDelaySeconds']
    )
    let saved = await FunnelStep.findOrFail(steps[0].id)
    assert.equal(saved.stepType, 'capture')
    assert.equal(saved.version, 1)

    const checkout = await client.put(url).bearerToken(token).json({ stepType: 'checkout' })
    checkout.assertStatus(200)
    assert.deepEqual(checkout.body().step.content, {
      headline: 'Aula gratuita',
      text: 'Deixe seu e-mail',
    })

    const vsl = await client
      .put(url)
      .bearerToken(token)
      .json({ stepType: 'vsl', content: VALID_CONTENT.vsl })
    vsl.assertStatus(200)
    saved = await FunnelStep.findOrFail(steps[0].id)
    assert.equal(saved.stepType, 'vsl')
    assert.deepEqual(saved.content, VALID_CONTENT.vsl)
    assert.equal(saved.version, 3)
  })

  test('a sent content replaces the old one and is checked for the current type', async ({
    client,
    assert,
  }) => {
    const { funnel, steps, token } = await setup()
    const url = route('api.steps.update', { funnel_id: funnel.id, id: steps[4].id })
    const bad = await client
      .put(url)
      .bearerToken(token)
      .json({ content: { headline: 'Só título' } })
    bad.assertStatus(422)
    assert.equal(bad.body().errors[0].field, 'content.message')

    const good = await client
      .put(url)
      .bearerToken(token)
      .json({ content: { message: 'Valeu!' } })
    good.assertStatus(200)
    assert.deepEqual(good.body().step.content, { message: 'Valeu!', links: [] })
  })

  test('deleting a step keeps the order dense and clears links to it', async ({
    client,
    assert,
  }) => {
    const { workspace, funnel, steps, token } = await setup()
    await steps[0].merge({ content: { ...VALID_CONTENT.capture, nextStepId: steps[2].id } }).save()
    await steps[3]
      .merge({
        content: { ...VALID_CONTENT.upsell, acceptStepId: steps[2].id, declineStepId: steps[4].id },
      })
      .save()
    await CheckoutConfigFactory.merge({
      workspaceId: workspace.id,
      funnelId: funnel.id,
      stepId: steps[1].id,
      upsellConfig: { stepId: steps[2].id },
    }).create()
    const checkout = await CheckoutConfigFactory.merge({
      workspaceId: workspace.id,
      funnelId: funnel.id,
      stepId: steps[2].id,
    }).create()
    const pixel = await TrackingPixelFactory.merge({
      workspaceId: workspace.id,
      funnelId: funnel.id,
      stepId: steps[2].id,
    }).create()

    const response = await client
      .delete(route('api.steps.destroy', { funnel_id: funnel.id, id: steps[2].id }))
      .bearerToken(token)
    response.assertStatus(204)

    assert.deepEqual(await stepOrder(funnel), [
      { id: steps[0].id, orderIndex: 0 },
      { id: steps[1].id, orderIndex: 1 },
      { id: steps[3].id, orderIndex: 2 },
      { id: steps[4].id, orderIndex: 3 },
    ])
    const capture = await FunnelStep.findOrFail(steps[0].id)
    assert.isNull(capture.content.nextStepId)
    assert.isAbove(capture.version, 1)
    const upsell = await FunnelStep.findOrFail(steps[3].id)
    assert.isNull(upsell.content.acceptStepId)
    assert.equal(upsell.content.declineStepId, steps[4].id)
    assert.isNull(await CheckoutConfig.find(checkout.id), "the step's own config goes with it")
    assert.isNull(await TrackingPixel.find(pixel.id), "the step's pixel goes with it")
    const other = await CheckoutConfig.findByOrFail('step_id', steps[1].id)
    assert.deepEqual(other.upsellConfig, { stepId: null })

    const again = await client
      .post(route('api.steps.store', { funnel_id: funnel.id }))
      .bearerToken(token)
      .json({ name: 'Nova', stepType: 'checkout' })
    assert.equal(again.body().step.orderIndex, 4)
  })
})
