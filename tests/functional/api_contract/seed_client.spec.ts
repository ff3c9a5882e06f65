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
  const document = (await client.get('/api/openapi.json')).body()
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
  const login = await call('post', '/api/auth/login', '/api/auth/login', 200, {
    json: body(shape, {
      email: owner.email,
      password: FACTORY_PASSWORD,
      workspace: workspace.slug,
      token_name: 'seed',
    }),
  })
  const token = login.body().token as string
  const me = await call('get', '/api/auth/me', '/api/auth/me', 200, { token })
  assert.equal(me.body().workspace?.id, workspace.id)

  // Credentials
  const credential = await call('post', '/api/credentials', '/api/credentials', 201, {
    token,
    json: body(shape, {
      name: 'SkalePay',
      service: 'skalepay',
      api_key: 'sk_test_abcdef',
      api_secret: 'secret_abcdef',
      is_active: false,
    }),
  })
  const credentialId = credential.body().credential?.id
  assert.isFalse((await Credential.findOrFail(credentialId)).isActive)
  await call('get', '/api/credentials', '/api/credentials', 200, { token })
  await call('put', '/api/credentials/{id}', `/api/credentials/${credentialId}`, 200, {
    token,
    json: body(shape, { is_active: true, name: 'SkalePay prod' }),
  })
  assert.isTrue((await Credential.findOrFail(credentialId)).isActive)
  /** Off again: an active SkalePay key would route the payment below to the real gateway. */
  await call('put', '/api/credentials/{id}', `/api/credentials/${credentialId}`, 200, {
    token,
    json: body(shape, { is_active: false }),
  })
  assert.isFalse((await Credential.findOrFail(credentialId)).isActive)

  // Funnels
  const created = await call('post', '/api/funnels', '/api/funnels', 201, {
    token,
    json: body(shape, { name: 'Lançamento', slug: `lanc-${shape}`, is_active: false, niche: 'x' }),
  })
  const funnelId = created.body().funnel?.id
  assert.isFalse((await Funnel.findOrFail(funnelId)).isActive)
  await call('get', '/api/funnels', '/api/funnels', 200, { token, qs: '?per_page=5' })
  await call('get', '/api/funnels/{id}', `/api/funnels/${funnelId}`, 200, { token })
  await call('put', '/api/funnels/{id}', `/api/funnels/${funnelId}`, 200, {
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
      `/api/funnels/${funnelId}/steps`,
      201,
      { token, json: body(shape, { name: `Etapa ${type}`, step_type: type, content }) }
    )
    stepIds.push(step.body().step?.id)
  }
  await call('get', '/api/funnels/{funnel_id}/steps', `/api/funnels/${funnelId}/steps`, 200, {
    token,
  })
  await call(
    'put',
    '/api/funnels/{funnel_id}/steps/{id}',
    `/api/funnels/${funnelId}/steps/${stepIds[2]}`,
    200,
    { token, json: body(shape, { order_index: 0, is_active: true }) }
  )
  const order = async () =>
    (await FunnelStep.query().where('funnel_id', funnelId).orderBy('order_index')).map((s) => s.id)
  assert.deepEqual(await order(), [stepIds[2], stepIds[0], stepIds[1]])
  await call(
    'put',
    '/api/funnels/{funnel_id}/steps/reorder',
    `/api/funnels/${funnelId}/steps/reorder`,
    200,
    { token, json: { ids: stepIds } }
  )
  assert.deepEqual(await order(), stepIds)

  // Checkout
  const checkoutPath = '/api/checkout/{funnelId}/{stepId}'
  const checkoutUrl = `/api/checkout/${funnelId}/${stepIds[1]}`
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
  const pixel = await call('post', '/api/tracking/pixels', '/api/tracking/pixels', 201, {
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
  await call('get', '/api/tracking/pixels', '/api/tracking/pixels', 200, {
    token,
    qs: `?funnel_id=${funnelId}`,
  })
  await call('put', '/api/tracking/pixels/{id}', `/api/tracking/pixels/${pixelId}`, 200, {
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
  await call('get', '/api/visitors', '/api/visitors', 200, { token })
  await call('get', '/api/visitors/{id}/events', `/api/visitors/${visitor.id}/events`, 200, {
    token,
  })
  await call('get', '/api/analytics/dashboard', '/api/analytics/dashboard', 200, { token })

  // Payments
  const payment = await call('post', '/api/payments/create', '/api/payments/create', 201, {
    token,
    json: body(shape, { funnel_id: funnelId, step_id: stepIds[1], customer: BUYER, amount: 1 }),
  })
  assert.equal(payment.body().payment?.amountCents, 19700, JSON.stringify(problems))
  await call(
    'get',
    '/api/payments/{id}/status',
    `/api/payments/${payment.body().payment?.id}/status`,
    200,
    { token }
  )
  await call('post', '/api/payments/webhook', '/api/payments/webhook', 200, {
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
  await call('put', '/api/funnels/{id}', `/api/funnels/${foreign.id}`, 404, {
    token,
    json: body(shape, { is_active: false }),
  })

  // Deletions, then logout.
  await call('delete', '/api/tracking/pixels/{id}', `/api/tracking/pixels/${pixelId}`, 204, {
    token,
  })
  await call(
    'delete',
    '/api/funnels/{funnel_id}/steps/{id}',
    `/api/funnels/${funnelId}/steps/${stepIds[2]}`,
    204,
    { token }
  )
  const clone = await call(
    'post',
    '/api/funnels/{id}/clone',
    `/api/funnels/${funnelId}/clone`,
    201,
    {
      token,
      json: body(shape, { name: 'Cópia' }),
    }
  )
  await call('delete', '/api/funnels/{id}', `/api/funnels/${clone.body().funnel?.id}`, 204, {
    token,
  })
  await call('delete', '/api/credentials/{id}', `/api/credentials/${credentialId}`, 204, {
    token,
  })
  await call('post', '/api/auth/logout', '/api/auth/logout', 200, { token })
  await call('get', '/api/auth/me', '/api/auth/me', 401, { token })

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
