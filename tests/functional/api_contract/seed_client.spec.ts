import { test } from '@japa/runner'
import type { ApiClient } from '@japa/api-client'
import { Ajv2020 } from 'ajv/dist/2020.js'
import { freshDatabase } from '#tests/helpers/database'
import { createTenant } from '#tests/helpers/tenants'
import { FACTORY_PASSWORD } from '#database/factories/user_factory'
import { VisitorFactory } from '#database/factories/visitor_factory'
import { camelCase } from '#services/api_shape'
import Funnel from '#models/funnel'
import FunnelStep from '#models/funnel_step'
import CheckoutConfig from '#models/checkout_config'
import TrackingPixel from '#models/tracking_pixel'
import Credential from '#models/credential'
import { VALID_CONTENT } from '../funnels/helpers.js'
import { BUYER } from '../payments/helpers.js'
import { route } from '#tests/helpers/routes'

type Shape = 'snake' | 'camel'

/** A body written as the seed's spec does; in `camel` shape, keys camelCased and reais → cents. */
function body(shape: Shape, seed: Record<string, unknown>): Record<string, unknown> {
  if (shape === 'snake') return seed
  const convert = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(convert)
    if (typeof value !== 'object' || value === null) return value
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) =>
        key === 'product_price'
          ? ['productPriceCents', Math.round(Number(item) * 100)]
          : [camelCase(key), convert(item)]
      )
    )
  }
  return convert(seed) as Record<string, unknown>
}

/**
 * The seed's client: the 31 endpoints of the original specification, each called with the
 * spec's body (or ours), its status and its effect checked, and every response validated against
 * the generated OpenAPI document (operation + status → schema).
 */
async function seedClient(client: ApiClient, shape: Shape, assert: any) {
  const { owner, workspace } = await createTenant()
  const other = await createTenant()
  const document = (await client.get(route('api.openapi'))).body()
  const ajv = new Ajv2020({ strict: false, allErrors: true })
  ajv.addSchema(document, 'doc')
  const problems: string[] = []
  const seen = new Set<string>()

  /** Calls one endpoint of the spec; `path` is the document's path template. */
  const call = async (
    method: 'get' | 'post' | 'put' | 'delete',
    path: string,
    url: string,
    expected: number,
    options: { json?: Record<string, unknown>; token?: string | null; qs?: string } = {}
  ) => {
    seen.add(`${method.toUpperCase()} ${path}`)
    let request = client[method](url + (options.qs ?? ''))
    if (options.token) request = request.bearerToken(options.token)
    if (options.json) request = request.json(options.json)
    const response = await request
    if (response.status() !== expected) {
      problems.push(`${method} ${url}: ${response.status()} ${JSON.stringify(response.body())}`)
    }
    const operation = document.paths[path]?.[method]
    if (!operation) {
      problems.push(`${method} ${path}: not in the document`)
      return response
    }
    const status = operation.responses[String(response.status())] ? response.status() : 'default'
    const entry = operation.responses[String(status)]
    if (entry?.content?.['application/json']) {
      const pointer = `doc#/paths/${path.replaceAll('/', '~1')}/${method}/responses/${status}/content/application~1json/schema`
      const validate = ajv.getSchema(pointer)!
      if (!validate(response.body())) {
        problems.push(`${method} ${url}: response ${JSON.stringify(validate.errors)}`)
      }
    }
    return response
  }

  // Auth
  const login = await call('post', route('api.auth.login'), route('api.auth.login'), 200, {
    json: body(shape, {
      email: owner.email,
      password: FACTORY_PASSWORD,
      workspace: workspace.slug,
      token_name: 'seed',
    }),
  })
  const token = login.body().token as string
  const me = await call('get', route('api.auth.me'), route('api.auth.me'), 200, { token })
  assert.equal(me.body().workspace?.id, workspace.id)

  // Credentials
  const credential = await call(
    'post',
    route('api.credentials.store'),
    route('api.credentials.index'),
    201,
    {
      token,
      json: body(shape, {
        name: 'SkalePay',
        service: 'skalepay',
        api_key: 'sk_test_abcdef',
        api_secret: 'secret_abcdef',
        is_active: false,
      }),
    }
  )
  const credentialId = credential.body().credential?.id
  assert.isFalse((await Credential.findOrFail(credentialId)).isActive)
  await call('get', route('api.credentials.index'), route('api.credentials.index'), 200, { token })
  await call(
    'put',
    '/api/credentials/{id}',
    route('api.credentials.show', { id: credentialId }),
    200,
    {
      token,
      json: body(shape, { is_active: true, name: 'SkalePay prod' }),
    }
  )
  assert.isTrue((await Credential.findOrFail(credentialId)).isActive)
  /** Off again: an active SkalePay key would route the payment below to the real gateway. */
  await call(
    'put',
    '/api/credentials/{id}',
    route('api.credentials.show', { id: credentialId }),
    200,
    {
      token,
      json: body(shape, { is_active: false }),
    }
  )
  assert.isFalse((await Credential.findOrFail(credentialId)).isActive)

  // Funnels
  const created = await call('post', route('api.funnels.store'), route('api.funnels.index'), 201, {
    token,
    json: body(shape, { name: 'Lançamento', slug: `lanc-${shape}`, is_active: false, niche: 'x' }),
  })
  const funnelId = created.body().funnel?.id
  assert.isFalse((await Funnel.findOrFail(funnelId)).isActive)
  await call('get', route('api.funnels.index'), route('api.funnels.index'), 200, {
    token,
    qs: '?per_page=5',
  })
  await call('get', '/api/funnels/{id}', route('api.funnels.show', { id: funnelId }), 200, {
    token,
  })
  await call('put', '/api/funnels/{id}', route('api.funnels.show', { id: funnelId }), 200, {
    token,
    json: body(shape, { is_active: true, description: 'Novo' }),
  })
  assert.isTrue((await Funnel.findOrFail(funnelId)).isActive)

  // Steps
  const stepIds: number[] = []
  for (const [type, content] of [
    ['capture', VALID_CONTENT.capture],
    ['checkout', {}],
    ['thankyou', { message: 'Obrigado' }],
  ] as const) {
    const step = await call(
      'post',
      '/api/funnels/{funnel_id}/steps',
      route('api.steps.index', { funnel_id: funnelId }),
      201,
      { token, json: body(shape, { name: `Etapa ${type}`, step_type: type, content }) }
    )
    stepIds.push(step.body().step?.id)
  }
  await call(
    'get',
    '/api/funnels/{funnel_id}/steps',
    route('api.steps.index', { funnel_id: funnelId }),
    200,
    {
      token,
    }
  )
  await call(
    'put',
    '/api/funnels/{funnel_id}/steps/{id}',
    route('api.steps.update', { funnel_id: funnelId, id: stepIds[2] }),
    200,
    { token, json: body(shape, { order_index: 0, is_active: true }) }
  )
  const order = async () =>
    (await FunnelStep.query().where('funnel_id', funnelId).orderBy('order_index')).map((s) => s.id)
  assert.deepEqual(await order(), [stepIds[2], stepIds[0], stepIds[1]])
  await call(
    'put',
    '/api/funnels/{funnel_id}/steps/reorder',
    route('api.steps.reorder', { funnel_id: funnelId }),
    200,
    { token, json: { ids: stepIds } }
  )
  assert.deepEqual(await order(), stepIds)

  // Checkout
  const checkoutPath = '/api/checkout/{funnelId}/{stepId}'
  const checkoutUrl = route('api.checkout.show', { funnelId, stepId: stepIds[1] })
  const config = body(shape, {
    product_name: 'Curso',
    product_price: '197.00',
    payment_methods: ['pix'],
    fields_config: { name: true, email: true, phone: true, cpf: true },
  })
  await call('put', checkoutPath, checkoutUrl, 200, { token, json: config })
  const stored = await CheckoutConfig.query().where('step_id', stepIds[1]).firstOrFail()
  assert.equal(stored.productPriceCents, 19700)
  await call('get', checkoutPath, checkoutUrl, 200, { token })
  await call('post', `${checkoutPath}/preview`, `${checkoutUrl}/preview`, 200, {
    token,
    json: config,
  })

  // Tracking pixels
  const pixel = await call('post', route('api.pixels.store'), route('api.pixels.index'), 201, {
    token,
    json: body(shape, {
      funnel_id: funnelId,
      step_id: stepIds[1],
      pixel_type: 'tiktok',
      pixel_id: 'C4ABCDEFGHIJ',
      event_name: 'CompletePayment',
      is_active: true,
    }),
  })
  const pixelId = pixel.body().pixel?.id
  await call('get', route('api.pixels.index'), route('api.pixels.index'), 200, {
    token,
    qs: `?funnel_id=${funnelId}`,
  })
  await call('put', '/api/tracking/pixels/{id}', route('api.pixels.show', { id: pixelId }), 200, {
    token,
    json: body(shape, { is_active: false, event_name: 'Purchase' }),
  })
  const storedPixel = await TrackingPixel.findOrFail(pixelId)
  assert.isFalse(storedPixel.isActive)
  assert.equal(storedPixel.eventName, 'Purchase')

  // Monitoring
  const visitor = await VisitorFactory.merge({
    workspaceId: workspace.id,
    funnelId,
    currentStepId: stepIds[0],
  }).create()
  await call('get', route('api.visitors.index'), route('api.visitors.index'), 200, { token })
  await call(
    'get',
    '/api/visitors/{id}/events',
    route('api.visitors.events', { id: visitor.id }),
    200,
    {
      token,
    }
  )
  await call('get', route('api.analytics.dashboard'), route('api.analytics.dashboard'), 200, {
    token,
  })

  // Payments
  const payment = await call(
    'post',
    route('api.payments.create'),
    route('api.payments.create'),
    201,
    {
      token,
      json: body(shape, { funnel_id: funnelId, step_id: stepIds[1], customer: BUYER, amount: 1 }),
    }
  )
  assert.equal(payment.body().payment?.amountCents, 19700, JSON.stringify(problems))
  await call(
    'get',
    '/api/payments/{id}/status',
    route('api.payments.status', { id: payment.body().payment?.id }),
    200,
    { token }
  )
  await call('post', route('api.payments.webhook'), route('api.payments.webhook'), 200, {
    qs: `?token=${workspace.webhookToken}`,
    json: { type: 'transaction', data: { id: 'unknown-0001', status: 'paid' } },
  })

  // Another workspace's ids are 404 in both shapes.
  const foreign = await Funnel.create({
    workspaceId: other.workspace.id,
    name: 'Alheio',
    slug: `alheio-${shape}`,
    isActive: true,
    settings: {},
  })
  await call('put', '/api/funnels/{id}', route('api.funnels.show', { id: foreign.id }), 404, {
    token,
    json: body(shape, { is_active: false }),
  })

  // Deletions, then logout.
  await call(
    'delete',
    '/api/tracking/pixels/{id}',
    route('api.pixels.show', { id: pixelId }),
    204,
    {
      token,
    }
  )
  await call(
    'delete',
    '/api/funnels/{funnel_id}/steps/{id}',
    route('api.steps.update', { funnel_id: funnelId, id: stepIds[2] }),
    204,
    { token }
  )
  const clone = await call(
    'post',
    '/api/funnels/{id}/clone',
    route('api.funnels.clone', { id: funnelId }),
    201,
    {
      token,
      json: body(shape, { name: 'Cópia' }),
    }
  )
  await call(
    'delete',
    '/api/funnels/{id}',
    route('api.funnels.show', { id: clone.body().funnel?.id }),
    204,
    {
      token,
    }
  )
  await call(
    'delete',
    '/api/credentials/{id}',
    route('api.credentials.show', { id: credentialId }),
    204,
    {
      token,
    }
  )
  await call('post', route('api.auth.logout'), route('api.auth.logout'), 200, { token })
  await call('get', route('api.auth.me'), route('api.auth.me'), 401, { token })

  return { problems, seen }
}

test.group('API contract: the seed client', (group) => {
  freshDatabase(group)

  for (const shape of ['snake', 'camel'] as const) {
    test(`all 31 endpoints of the spec, ${shape} bodies, responses as documented`, async ({
      client,
      assert,
    }) => {
      const { problems, seen } = await seedClient(client, shape, assert)
      assert.deepEqual(problems, [])
      assert.equal(seen.size, 31, [...seen].join('\n'))
    })
  }
})
